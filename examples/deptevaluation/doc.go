// Package deptevaluation scores a department's whole expenditure
// (部门整体支出绩效评价) by a rubric, as a finance bureau does each year:
// the department files its basic data (基础数据表) and the evaluator's
// judgements, and the rubric gives every item its score and says why.
//
// form.yaml is one department, its figures illustrative, scored by the
// shipped yueyang-2018 rubric (岳阳市 附件3-1, the table two 岳阳
// departments filed with their 2018 self-evaluations); its sheet as filed
// gives 财政供养人员控制率 full marks where the staff exceed their
// posts, which rubric.score finds. The examples score it by the built-in
// rubric and by a rubric a bureau writes in Go, and score many
// departments at once with one rubric, as a service does.
package deptevaluation
