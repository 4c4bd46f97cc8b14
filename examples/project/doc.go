// Package project is a project form (项目支出绩效自评表) scored end to end
// by the Ministry of Finance method (财预〔2020〕10号), and a custom scheme
// for a province that weights satisfaction more.
package project
