// Package tianhe2021 is the reference example: the 2021 部门整体支出绩效自评表
// of 中国共产党广州市天河区委员会政法委员会 (Guangzhou Tianhe district), as
// published, in form.yaml. Its examples show how a service loads a form
// and reads its figures.
package tianhe2021
