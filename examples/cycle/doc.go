// Package cycle follows one project through the three stages of the
// performance cycle: its targets declared with the budget request
// (项目支出绩效目标申报表), watched at the end of July
// (项目支出绩效目标执行监控表) and assessed after the year
// (项目支出绩效自评表).
//
// The three forms are linked as one project-year by their 项目编码, and
// the later stages are checked against the earlier ones: the monitoring
// form has spent 30% of the budget when 58.33% of the year is gone
// (monitoring.behind-schedule), and the self-evaluation holds the
// coverage indicator to 90% where 95% was declared
// (trace.target-changed).
package cycle
