import { openedFiles } from './files.ts';
import type { FetchFailure } from './reader.ts';
import type { SearchResult, SearchSort } from './run.ts';

/** How the order of a listing reads. */
const sortWords: Record<SearchSort, string> = { relevance: '按相关度排列', newest: '最新在前', oldest: '最早在前' };

/**
 * The status line for a result: what was found, how sure the count is, how it is ordered and how
 * many are shown. Every empty case says why it is empty: no report holds the words, or the
 * filters exclude every report that does.
 */
export function statusText(result: SearchResult, filtering: boolean, sort: SearchSort): string {
  const shown = result.hits.length;
  const order = sortWords[result.query ? sort : sort === 'oldest' ? 'oldest' : 'newest'];
  const showing = shown < result.total ? `，${order}，显示前 ${shown} 篇` : `，${order}`;
  if (!result.query) {
    if (result.total === 0) return '没有符合筛选条件的报告。请放宽或清除筛选条件。';
    return `找到 ${result.total} 篇符合筛选条件的报告${showing}。`;
  }
  const words = `“${result.query}”`;
  if (result.total === 0) {
    const unfiltered = result.pool.length;
    if (filtering && unfiltered > 0) return `没有符合筛选条件的报告包含${words}；不加筛选时有 ${unfiltered} 篇。`;
    return `没有找到包含${words}的报告。`;
  }
  if (result.exact) return `找到 ${result.total} 篇包含${words}的报告${showing}。`;
  const unchecked = result.total - result.confirmed;
  return `找到 ${result.confirmed} 篇包含${words}的报告，另有 ${unchecked} 篇可能包含、尚未逐篇核对${shown < result.total ? `；显示前 ${shown} 篇，${order}` : ''}。`;
}

/** What a failed request means to the reader, by what failed and which file. */
export function failureText(failure: FetchFailure | 'unknown', path: string): string {
  const file = path.replace(/^.*\/search\//, '');
  switch (failure) {
    case 'missing':
      return openedFiles.includes(file)
        ? '搜索索引缺失，暂时无法搜索。可改用按地区或按年份浏览。'
        : `搜索索引不完整（缺少文件 ${file}），这次搜索无法完成。可改用按地区或按年份浏览。`;
    case 'timeout':
      return '服务器长时间没有响应（已重试一次），请稍后再试。';
    case 'network':
      return '网络连接失败（已重试一次），请检查网络后再试。';
    case 'http':
      return `服务器返回错误（${file}），请稍后再试。`;
    default:
      return '搜索出错，请稍后再试。';
  }
}
