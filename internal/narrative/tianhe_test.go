package narrative_test

import (
	"github.com/shopspring/decimal"

	"github.com/perfeval/perfeval/internal/narrative"
)

// The Tianhe 2021 department self-evaluation (examples/tianhe2021/form.yaml),
// its narrative texts and its 13 indicators copied as literals.

const (
	tianheGoalsAchieved = `深入学习贯彻习近平法治思想，坚持党对政法工作的绝对领导，统筹好发展和安全两件大事，以党的政治建设为统领，以防范化解重大风险为牵引，以维护国家政治安全、推进扫黑除恶常态化、深化市域社会治理现代化试点、常态化做好社区疫情防控、开展政法队伍教育整顿为着力点，奋力推进政法工作高质量发展，取得了明显成效。天河区连续七年在全市平安建设考评中排名第一，被平安中国建设协调小组办公室授予“2017-2020年度平安中国建设示范县（市、区、旗）”。`

	tianheTask1 = `坚决维护社会大局稳定，妥善化解社会领域风险隐患，压实意识形态和网络安全工作责任制，实现政治环境持续稳定，常态化开展扫黑除恶工作。`
	tianheTask2 = `推进市域社会治理现代化试点工作，成效明显。推出基层治理“七力凝聚”协同共治模式，打造“天河中央商务区社会治理出新出彩示范区”`
	tianheTask3 = `全面构建高质量法治服务体系，不断优化法治环境`
	tianheTask4 = `全面开展党史学习教育、政法队伍教育整顿，制定实施天河区政法系统政治督查、纪律作风督查巡查。`

	tianheKeyProject = `5个项目绩效指标均完成，指标完成率100%。
主要绩效：（1）人员投入。运营服务项目中标单位按采购合同要求，已配备工作人员不少于24人，并符合不少于1名党员，人员资质包括具有创业指导师证书、就业指导师证书、劳动关系协调师证书、社工证书、心理咨询师证书、人力资源管理师证书、电子商务师证书、会计证书、行政类证书等要求。
（2）办公设备购置情况。示范中心各类办公设备按照签定的政府采购合同要求，在示范中心正式启用前完成复印机、台式计算机、分体式计算机等办公设备的交付和调试，设备可满足日常工作需求并运行正常。
（3）办公家具购置情况。示范中心办公家具按照合同要求，在示范中心正式启用前完成各类办公家具配送和安装，可满足日常工作需求。
（4）信息平台建设项目情况。项目建设内容分别为智能叫号系统、视频监控系统以及大屏拼接系统。承接单位按合同要求，在示范中心正式启用前完成建设，自运营以来，各系统均运行正常。
（5）服务对象满意度。围绕来穗融合服务五大模块45个方面开展来穗人员服务工作，并设置来穗服务大厅、天河区图书分馆、来穗党员之家、共建共治共享服务区、公共服务区、就业创业服务区、社会心理咨询服务站、互联网直播基地、多功能会议室、文化艺术活动室、党员服务驿站、消防体验中心12个功能服务区。自2021年11月启用以来，截止2021年底线上线下服务来穗人员超1万余人次，服务满意度达95%以上。`

	tianheOverall = `2021年，天河区政法系统以习近平新时代中国特色社会主义思想为指导，坚持以人民为中心，以党的政治建设为统领，全面统筹发展和安全，大力推进平安天河、法治天河和过硬政法队伍建设，天河区连续七年获全市平安建设（综治工作）考核排名第一，获评“2017-2020年度平安中国建设示范区”，新时代天河区政法工作开创新局面。全力推进“四大工程”和政治安全八个专项行动，压实意识形态和网络安全责任制，破案率93.37%；大力推进基层矛盾排查化解，深化社会矛盾“8+1”专项治理，建立信访维稳应急处突专班和社会矛盾问题专项治理专班，落实区领导包案化解责任制，重大不稳定问题化解率98.7%；全市首个来穗人员服务示范中心在天河区揭牌启用，开展融合行动30余场次，帮助3057名来穗人员积分入户，2432人积分入学、103户家庭分配公租房；开展政法系统政治轮训和队伍教育整顿，累计开展专题讲座99次，“一把手”上党课94次，开展红色教育751次，组织党规党纪培训2811人次。大力推进顽瘴痼疾整治，线索按期核查办结率100%，全区政法系统制定规章制度81项。`
)

func tianheSections() []narrative.Section {
	return []narrative.Section{
		{Path: "goals.achieved", Text: tianheGoalsAchieved},
		{Path: "tasks[0].achieved", Text: tianheTask1},
		{Path: "tasks[1].achieved", Text: tianheTask2},
		{Path: "tasks[2].achieved", Text: tianheTask3},
		{Path: "tasks[3].achieved", Text: tianheTask4},
		{Path: "key_projects[0].summary", Text: tianheKeyProject},
		{Path: "overall", Text: tianheOverall},
	}
}

// tianheIndicators are the form's 13 indicators: the actual as printed and
// the number and unit it states ("" for a qualitative actual, which the
// rules package does not pass as a claim).
var tianheIndicators = []struct {
	path, name, actual, value, unit string
}{
	{"tasks[0].indicators[0].actual", "矛盾纠纷化解率", "98.70%", "98.70", "%"},
	{"tasks[0].indicators[1].actual", "“街头整治”活动和暴恐袭击案事件数", "0起", "0", "起"},
	{"tasks[0].indicators[2].actual", "线索办理", "扫黑除恶线索办结率100%。", "100", "%"},
	{"tasks[1].indicators[0].actual", "开展综治创新项目及基层社会治理创新示范项目创建工作", "1个", "1", "个"},
	{"tasks[1].indicators[1].actual", "开展天河区营造共建共治共享社会治理格局项目研究工作", "形成1份完整的天河区社会治理调研报告", "1", "份"},
	{"tasks[1].indicators[2].actual", "来穗人员积分入户人数", "3057人次", "3057", "人次"},
	{"tasks[1].indicators[3].actual", "来穗人员子女入学人数", "2423人次", "2423", "人次"},
	{"tasks[1].indicators[4].actual", "案件类警情、立案情况", "下降", "", ""},
	{"tasks[2].indicators[0].actual", "涉赌警情", "下降", "", ""},
	{"tasks[2].indicators[1].actual", "全市法律援助案件质量评核", "第一名", "", ""},
	{"tasks[3].indicators[0].actual", "专题讲座", "99次", "99", "次"},
	{"tasks[3].indicators[1].actual", "党规党纪培训", "2811人", "2811", "人"},
	{"tasks[3].indicators[2].actual", "法治广州建设考评", "优秀", "", ""},
}

// tianheClaims are the indicators that state a number.
func tianheClaims() []narrative.Claim {
	var out []narrative.Claim
	for _, in := range tianheIndicators {
		if in.value == "" {
			continue
		}
		out = append(out, narrative.Claim{
			Path: in.path, Name: in.name, Value: decimal.RequireFromString(in.value), Unit: in.unit,
		})
	}
	return out
}
