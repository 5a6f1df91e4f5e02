/** A key figure a report may state, and the pattern that reads it from a sentence. */
export interface MetricPattern {
  key: string;
  label: string;
  /** Capture group 1 is the number; group 2, when present, the unit. */
  pattern: RegExp;
  unit: string;
}

const n = '(\\d+(?:\\.\\d+)?)';

/** The key figures we read; each pattern is anchored on its label so the figure is unambiguous. */
export const metricPatterns: MetricPattern[] = [
  {
    key: 'new-school-places',
    label: '新增中小学学位',
    pattern: new RegExp(`新增(?:义务教育|中小学|公办中小学)学位(?:数)?(?:达|共|约)?${n}(万)?(?:余)?个`),
    unit: '个',
  },
  {
    key: 'new-preschool-places',
    label: '新增学前教育学位',
    pattern: new RegExp(`新增(?:学前教育|公办幼儿园|幼儿园|公办园|普惠性幼儿园)学位(?:达|共|约)?${n}(万)?(?:余)?个`),
    unit: '个',
  },
  { key: 'new-places', label: '新增学位', pattern: new RegExp(`新增学位(?:达|共|约)?${n}(万)?(?:余)?个`), unit: '个' },
  { key: 'full-time-teachers', label: '专任教师', pattern: new RegExp(`专任教师(?:总数|共|达)?${n}(万)?(?:余)?人`), unit: '人' },
  { key: 'new-teachers', label: '招聘新教师', pattern: new RegExp(`(?:招聘|引进|补充)(?:新)?教师${n}(?:余)?名`), unit: '人' },
  { key: 'schools', label: '各级各类学校', pattern: new RegExp(`各级各类学校(?:（幼儿园）)?(?:共)?${n}所`), unit: '所' },
  { key: 'students', label: '在校生', pattern: new RegExp(`各级各类学校.{0,20}?在校生${n}(万)?人`), unit: '人' },
  { key: 'preschool-gross-enrolment', label: '学前教育毛入园率', pattern: new RegExp(`毛入园率(?:达到?|为)?${n}%`), unit: '%' },
  { key: 'compulsory-retention', label: '义务教育巩固率', pattern: new RegExp(`(?:九年)?巩固率(?:达到?|为)?${n}%`), unit: '%' },
  {
    key: 'high-school-gross-enrolment',
    label: '高中阶段毛入学率',
    pattern: new RegExp(`高中阶段(?:教育)?毛入学率(?:达到?|为)?${n}%`),
    unit: '%',
  },
  { key: 'aid-recipients', label: '资助学生', pattern: new RegExp(`资助[^，。；]{0,12}?${n}(万)?人次`), unit: '人次' },
  { key: 'aid-amount', label: '资助金额', pattern: new RegExp(`资助[^。；]{0,30}?(?:资金|金额)${n}(亿|万)?元`), unit: '万元' },
  {
    key: 'after-school-participation',
    label: '课后服务参与率',
    pattern: new RegExp(`课后服务[^。；]{0,30}?参与率(?:达到?|为)?${n}%`),
    unit: '%',
  },
  { key: 'investment', label: '教育投入', pattern: new RegExp(`(?:投入|总投资)(?:资金)?${n}(亿|万)元`), unit: '万元' },
];
