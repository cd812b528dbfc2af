/**
 * Reports (issue 18): the figures of the summaries the acts require, the region's summary period
 * and its due date, the deficiency report, immediate alerts (socially significant posts, spikes
 * of activity), and CSV export. Pure: time, the profile and the calendar come in as arguments;
 * the results are numbers and codes, the page words them.
 *
 * The XLSX builder is `@/lib/reports/xlsx` (not re-exported here: only the reports page loads
 * its library).
 */
export { ReportError, type ReportErrorCode, type ReportErrorParams } from './errors';
export {
  checkPeriod,
  MAX_PERIOD_DAYS,
  periodContaining,
  precedingPeriod,
  summaryPeriod,
  type Period,
  type SummaryKind,
  type SummaryOptions,
  type SummaryPeriod,
} from './period';
export {
  answeringBody,
  buildReport,
  createReportCache,
  deadlineOwner,
  DEFAULT_ANSWER_BUCKETS,
  FIGURE_IDS,
  FIGURES,
  percentile,
  type AnswerTimeBucket,
  type BodyRow,
  type ChangeRow,
  type DeadlineCounts,
  type FigureBasis,
  type FigureDefinition,
  type FigureId,
  type FigureUnit,
  type Owner,
  type Report,
  type ReportFilters,
  type ReportInput,
  type ReportCache,
} from './figures';
export { deficiencyReport, type DeficiencyEntry, type DeficiencyGroup, type DeficiencyInput, type DeficiencyReport } from './deficiency';
export {
  DEFAULT_SPIKE_SETTINGS,
  detectSpikes,
  openSignificantAlerts,
  scanSpikes,
  significantAlert,
  type Capture,
  type RaisedSpike,
  type SignificantAlert,
  type SpikeAlert,
  type SpikeSettings,
} from './alerts';
export { answerScorer } from './score';
export { toCsv, type CsvOptions } from './csv';
export { COLUMN_TYPES, type CellValue, type Column, type ColumnType, type Table } from './tables';
