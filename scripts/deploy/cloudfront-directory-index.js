// CloudFront Function (runtime cloudfront-js-2.0), on viewer request, for the archive on an S3
// REST origin, which has no index documents: a directory URL `/reports/<slug>/` reads the key
// `reports/<slug>/index.html`, and a directory URL without its slash (a last segment with no dot:
// every file the archive publishes has an extension) is redirected to it, query string kept.
// `npm run check` lints it; tests/unit/deploy-headers.test.ts runs it.

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls it by name
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' + queryString(request.querystring) } },
    };
  }
  return request;
}

// The request's query string rebuilt from the event's name/value pairs, with its `?` ('' if none).
function queryString(query) {
  var parts = [];
  for (var name in query) {
    var values = query[name].multiValue || [query[name]];
    for (var i = 0; i < values.length; i++) {
      parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
    }
  }
  return parts.length ? '?' + parts.join('&') : '';
}
