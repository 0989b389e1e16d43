<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>python-vlc with libvlc {version}</source>
        <translation>python-vlc（libvlc {version}）</translation>
    </message>
    <message>
        <source>QtMultimedia (chosen with LEITAI_VIDEO_BACKEND)</source>
        <translation>QtMultimedia（由 LEITAI_VIDEO_BACKEND 指定）</translation>
    </message>
    <message>
        <source>QtMultimedia (libvlc was not found)</source>
        <translation>QtMultimedia（未找到 libvlc）</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台 Leitai</translation>
    </message>
    <message>
        <source>Offline desktop app for the national hospital case competition on improving medical services.</source>
        <translation>改善医疗服务全国医院擂台赛的离线桌面应用。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Video playback</source>
        <translation>视频播放</translation>
    </message>
    <message>
        <source>About Leitai</source>
        <translation>关于擂台</translation>
    </message>
</context>
<context>
    <name>AccessCodeDialog</name>
    <message>
        <source>Access code</source>
        <translation>访问码</translation>
    </message>
    <message>
        <source>Enter the access code the organizer gave you for {name}.</source>
        <translation>请输入主办方为 {name} 单独提供给您的访问码。</translation>
    </message>
</context>
<context>
    <name>CaseDetailsWidget</name>
    <message>
        <source>Select a case in the table to see its details.</source>
        <translation>在表格中选择一个案例以查看详情。</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>赛区</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Public votes</source>
        <translation>网络投票</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <source>{status} — {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>没有文件。</translation>
    </message>
    <message>
        <source>Slides (PDF)</source>
        <translation>演示文稿（PDF）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>No.</source>
        <extracomment>Column headers (English sources, translated in context &quot;CaseListModel&quot;).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案例名称</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Not started</source>
        <extracomment>Case states as the judge reads them.</extracomment>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>已回避</translation>
    </message>
    <message>
        <source>(blind)</source>
        <translation>（匿名）</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Pending</source>
        <extracomment>Languages the interface ships, each named in its own language (these names are never translated). Chinese is the first language of the interface (DESIGN.md). Environment variable that picks the language (after ``--lang``, before the saved setting). Environment variable that turns on pseudo-translation for layout testing. How much longer pseudo-translated strings get. Base name of the catalogues in ``resources/i18n`` (``leitai_zh_CN.qm``). Font families in order of preference: each platform&apos;s UI font with good CJK coverage, then Noto. Monospace families for hashes and codes. Case status codes (``app.models.CaseStatus``) as the interface names them.</extracomment>
        <translation>待初筛</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>The case&apos;s ``CaseRow.id`` (int) for any cell. A value that sorts the column correctly (numbers as numbers, missing values last). The whole ``CaseRow`` for any cell (for delegates and the filter proxy). Translation context of the column headers (explicit: the model may be subclassed). Shown by default (the header&apos;s context menu shows or hides any column). Text colour for a row, or None for the default. Icon shown before the text (e.g. the intake findings&apos; severity), or None. Missing values sort after every real one, whichever the type. Status text colours: approved green, rejected red, waiting in the default colour. Statuses sort in the order a case goes through screening.</extracomment>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案例名称</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>赛区</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>初筛期限</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>{path} is not a Leitai workspace (there is no leitai.db in it).</source>
        <extracomment>DomainError code -&gt; English template; placeholders are the error&apos;s ``params``.</extracomment>
        <translation>{path} 不是擂台工作区（其中没有 leitai.db）。</translation>
    </message>
    <message>
        <source>{path} is already a workspace; it will not be overwritten.</source>
        <translation>{path} 已经是一个工作区，不会覆盖。</translation>
    </message>
    <message>
        <source>The workspace database {path} cannot be read.</source>
        <translation>无法读取工作区数据库 {path}。</translation>
    </message>
    <message>
        <source>{path} holds no competition.</source>
        <translation>{path} 中没有比赛数据。</translation>
    </message>
    <message>
        <source>The file {path} was not found.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <source>A case with the code {case_code} already exists.</source>
        <translation>案例编号 {case_code} 已存在。</translation>
    </message>
    <message>
        <source>A judge with the code {judge_code} already exists.</source>
        <translation>评委编号 {judge_code} 已存在。</translation>
    </message>
    <message>
        <source>The access code is wrong, or this package was not made for you by the organizer.</source>
        <translation>访问码不正确，或评审包不是主办方为您生成的。</translation>
    </message>
    <message>
        <source>The organizer&apos;s signature does not match: the file has been changed.</source>
        <translation>主办方签名不符：文件被改动过。</translation>
    </message>
    <message>
        <source>This case&apos;s scores are submitted; take the submission back to change them.</source>
        <translation>此案例的评分已提交；如需修改，请先撤回提交。</translation>
    </message>
    <message>
        <source>You recused yourself from this case; undo the recusal to score it.</source>
        <translation>您已回避此案例；如需评分，请先撤销回避。</translation>
    </message>
    <message>
        <source>A recusal needs a reason.</source>
        <translation>回避需要填写原因。</translation>
    </message>
    <message>
        <source>The comment is too long.</source>
        <translation>评语过长。</translation>
    </message>
    <message>
        <source>{path} holds no opened judge package.</source>
        <translation>{path} 中没有已打开的评审包。</translation>
    </message>
    <message>
        <source>{path} is already used for another judge package.</source>
        <translation>{path} 已用于另一份评审包。</translation>
    </message>
    <message>
        <source>The score bundle could not be written to {path}.</source>
        <translation>无法把评分包写入 {path}。</translation>
    </message>
    <message>
        <source>{path} already holds too many demo folders.</source>
        <translation>{path} 中已有太多演示文件夹。</translation>
    </message>
    <message>
        <source>{path} is not empty: a demo competition needs a new or empty folder.</source>
        <translation>{path} 不是空文件夹：演示比赛只能建在新的或空的文件夹里。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The system refused: {reason}{where}</source>
        <translation>系统拒绝了操作：{reason}{where}</translation>
    </message>
    <message>
        <source>An unexpected error happened: {detail}</source>
        <translation>发生了意外错误：{detail}</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Score bundle exported</source>
        <translation>评分包已导出</translation>
    </message>
    <message>
        <source>Your signed score bundle is ready.</source>
        <translation>已签名的评分包已生成。</translation>
    </message>
    <message>
        <source>Send this file to the organizer (USB stick, e-mail or the venue network). You can export again at any time: a newer export replaces the older one.</source>
        <translation>请将此文件交给主办方（U 盘、电子邮件或会场网络均可）。您可以随时再次导出：新导出的评分包会取代旧的。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>{n} of {total} cases</source>
        <translation>{n} / {total} 个案例</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>已回避</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本号</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Slides missing</source>
        <extracomment>Finding codes as the interface names them (the app&apos;s messages stay in Chinese, with all details).</extracomment>
        <translation>缺少 PPT 文件</translation>
    </message>
    <message>
        <source>Slides cannot be opened</source>
        <translation>PPT 无法打开</translation>
    </message>
    <message>
        <source>Slides too large</source>
        <translation>PPT 文件过大</translation>
    </message>
    <message>
        <source>Text too small</source>
        <translation>字号过小</translation>
    </message>
    <message>
        <source>Video is not MP4</source>
        <translation>视频不是 MP4</translation>
    </message>
    <message>
        <source>Video too long</source>
        <translation>视频过长</translation>
    </message>
    <message>
        <source>Video not 16:9</source>
        <translation>视频不是 16:9</translation>
    </message>
    <message>
        <source>Video below SD</source>
        <translation>视频低于标清</translation>
    </message>
    <message>
        <source>Video too large</source>
        <translation>视频文件过大</translation>
    </message>
    <message>
        <source>Video missing</source>
        <translation>缺少视频文件</translation>
    </message>
    <message>
        <source>Recommendation too long</source>
        <translation>推荐理由超字数</translation>
    </message>
    <message>
        <source>Recommendation missing</source>
        <translation>缺少推荐理由</translation>
    </message>
    <message>
        <source>Two cases in one theme</source>
        <translation>同一主题多个案例</translation>
    </message>
    <message>
        <source>Hospital name spelled differently</source>
        <translation>医院名称写法不一致</translation>
    </message>
    <message>
        <source>Unknown province</source>
        <translation>省份无法识别</translation>
    </message>
    <message>
        <source>Unknown theme</source>
        <translation>主题无法识别</translation>
    </message>
    <message>
        <source>Unusual page count</source>
        <translation>页数与建议不符</translation>
    </message>
    <message>
        <source>Pages not 16:9</source>
        <translation>页面不是 16:9</translation>
    </message>
    <message>
        <source>Pages not slide-shaped</source>
        <translation>页面不是幻灯片比例</translation>
    </message>
    <message>
        <source>No text in the slides</source>
        <translation>PPT 中没有文字</translation>
    </message>
    <message>
        <source>Blank pages</source>
        <translation>有空白页</translation>
    </message>
    <message>
        <source>Slides repaired</source>
        <translation>PPT 结构已修复</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>未提交视频</translation>
    </message>
    <message>
        <source>Video file name</source>
        <translation>视频文件名</translation>
    </message>
    <message>
        <source>Unknown tier</source>
        <translation>组别无法识别</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>类别无法识别</translation>
    </message>
    <message>
        <source>Votes not a number</source>
        <translation>投票数不是整数</translation>
    </message>
    <message>
        <source>Title missing</source>
        <translation>缺少案例名称</translation>
    </message>
    <message>
        <source>Submission time unreadable</source>
        <translation>提交时间无法识别</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>pages {pages} and {more} more</source>
        <translation>第 {pages} 页等（另有 {more} 页）</translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation>第 {pages} 页</translation>
    </message>
</context>
<context>
    <name>FindingsWidget</name>
    <message>
        <source>Reading the findings…</source>
        <extracomment>The user wants to see the slides at this page (1-based).</extracomment>
        <translation>正在读取检查结果…</translation>
    </message>
    <message>
        <source>No problems found: this case follows every checked rule.</source>
        <translation>未发现问题：本案例符合所有已检查的要求。</translation>
    </message>
    <message>
        <source>{violations} rule(s) broken, {warnings} advisory note(s).</source>
        <translation>违反 {violations} 项要求，另有 {warnings} 条提示。</translation>
    </message>
    <message>
        <source>No rule broken; {warnings} advisory note(s).</source>
        <translation>未违反要求；有 {warnings} 条提示。</translation>
    </message>
    <message>
        <source>Open at page {page}</source>
        <translation>打开第 {page} 页</translation>
    </message>
    <message>
        <source>Open the slides at page {page}</source>
        <translation>在阅读器中打开 PPT 第 {page} 页</translation>
    </message>
    <message>
        <source>The slides of this case are not in the workspace.</source>
        <translation>工作区中没有本案例的 PPT 文件。</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Press any key to close.</source>
        <translation>按任意键关闭。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Checking and importing</source>
        <translation>检查并导入</translation>
    </message>
    <message>
        <source>Every file is checked against the season&apos;s rules, then stored in the workspace.</source>
        <translation>每个文件都按本届规则检查，然后存入工作区。</translation>
    </message>
    <message>
        <source>Starting the checks…</source>
        <translation>正在开始检查…</translation>
    </message>
    <message>
        <source>Checking files: {done} of {total}</source>
        <translation>正在检查文件：{done} / {total}</translation>
    </message>
    <message>
        <source>✓ checked {name}</source>
        <translation>✓ 已检查 {name}</translation>
    </message>
    <message>
        <source>Storing cases in the workspace: {done} of {total}</source>
        <translation>正在存入工作区：{done} / {total}</translation>
    </message>
    <message>
        <source>✓ {total} cases stored</source>
        <translation>✓ 已存入 {total} 个案例</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>{cases} cases: {added} new, {resubmitted} resubmitted, {unchanged} unchanged.</source>
        <translation>共 {cases} 个案例：新增 {added} 个，重新提交 {resubmitted} 个，未变 {unchanged} 个。</translation>
    </message>
    <message>
        <source>{clean} cases follow every rule; {problems} have problems to screen.</source>
        <translation>{clean} 个案例符合全部要求；{problems} 个有问题，需要初筛处理。</translation>
    </message>
    <message>
        <source>Done: {cases} cases</source>
        <translation>完成：{cases} 个案例</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import cases</source>
        <translation>导入案例</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The import stopped: {reason}</source>
        <translation>导入已中止：{reason}</translation>
    </message>
    <message>
        <source>Import cancelled. Cases stored before the cancel stay; importing again continues.</source>
        <translation>导入已取消。取消前已存入的案例会保留，再次导入将继续。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>JudgeView</name>
    <message>
        <source>Judge workspace</source>
        <extracomment>File name suffix of judge packages. Where judge homes live inside the per-user data folder. After a commit returned: case id, what changed (&quot;score:&lt;key&gt;&quot;, &quot;comment&quot;, &quot;submit&quot;, ...), value.</extracomment>
        <translation>评审工作台</translation>
    </message>
    <message>
        <source>Open the judge package (.leitai-pkg) the organizer sent you, or drop it here.</source>
        <translation>打开主办方发给您的评审包（.leitai-pkg），或将其拖放到这里。</translation>
    </message>
    <message>
        <source>Open judge package…</source>
        <translation>打开评审包…</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>继续上次的评审</translation>
    </message>
    <message>
        <source>Export score bundle…</source>
        <translation>导出评分包…</translation>
    </message>
    <message>
        <source>Write your signed scores to a file for the organizer (Ctrl+E)</source>
        <translation>将已签名的评分写入文件，交给主办方（Ctrl+E）</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待评</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>已回避</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>筛选案例</translation>
    </message>
    <message>
        <source>Slides (PDF)</source>
        <translation>案例材料（PDF）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Attach media folder…</source>
        <translation>指定媒体文件夹…</translation>
    </message>
    <message>
        <source>Next case to score</source>
        <translation>下一个待评案例</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>下一个案例</translation>
    </message>
    <message>
        <source>Previous case</source>
        <translation>上一个案例</translation>
    </message>
    <message>
        <source>Go to the scores</source>
        <translation>转到评分</translation>
    </message>
    <message>
        <source>Next PDF page</source>
        <translation>PDF 下一页</translation>
    </message>
    <message>
        <source>Previous PDF page</source>
        <translation>PDF 上一页</translation>
    </message>
    <message>
        <source>Submit / reopen this case</source>
        <translation>提交 / 撤回此案例</translation>
    </message>
    <message>
        <source>Recuse from this case…</source>
        <translation>回避此案例…</translation>
    </message>
    <message>
        <source>Show the slides</source>
        <translation>显示案例材料</translation>
    </message>
    <message>
        <source>Show the video</source>
        <translation>显示视频</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;Judge</source>
        <translation>评审(&amp;J)</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous score</source>
        <translation>下一项 / 上一项评分</translation>
    </message>
    <message>
        <source>↑ / ↓ in a score</source>
        <translation>评分框中 ↑ / ↓</translation>
    </message>
    <message>
        <source>One step up / down</source>
        <translation>增加 / 减少一档</translation>
    </message>
    <message>
        <source>↑ / ↓ in the list</source>
        <translation>列表中 ↑ / ↓</translation>
    </message>
    <message>
        <source>Choose a case</source>
        <translation>选择案例</translation>
    </message>
    <message>
        <source>Judging</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>案例材料</translation>
    </message>
    <message>
        <source>Video (while it has the focus)</source>
        <translation>视频（播放器获得焦点时）</translation>
    </message>
    <message>
        <source>Open judge package</source>
        <translation>打开评审包</translation>
    </message>
    <message>
        <source>Judge packages (*.leitai-pkg);;All files (*)</source>
        <translation>评审包 (*.leitai-pkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在校验评审包…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Could not open the judge package</source>
        <translation>无法打开评审包</translation>
    </message>
    <message>
        <source>Could not open the judge&apos;s folder</source>
        <translation>无法打开评委评审文件夹</translation>
    </message>
    <message>
        <source>Folder or drive holding the case videos</source>
        <translation>存放案例视频的文件夹或移动硬盘</translation>
    </message>
    <message>
        <source>Checking the media files…</source>
        <translation>正在校验媒体文件…</translation>
    </message>
    <message>
        <source>Attach media folder</source>
        <translation>指定媒体文件夹</translation>
    </message>
    <message>
        <source>Could not use that folder</source>
        <translation>无法使用该文件夹</translation>
    </message>
    <message>
        <source>Judge {name} ({code}) · {n} cases{blind}</source>
        <translation>评委 {name}（{code}）· {n} 个案例{blind}</translation>
    </message>
    <message>
        <source> · blind review</source>
        <translation> · 匿名评审</translation>
    </message>
    <message>
        <source>The slides of this case are not available (is the media drive attached?).</source>
        <extracomment>Called with a dropped package; the main window may replace it to switch pages first.</extracomment>
        <translation>此案例的材料暂不可用（是否已连接存放媒体文件的移动硬盘？）。</translation>
    </message>
    <message>
        <source>This case has no slides.</source>
        <translation>此案例没有 PDF 材料。</translation>
    </message>
    <message>
        <source>The video of this case is not available (is the media drive attached?).</source>
        <translation>此案例的视频暂不可用（是否已连接存放媒体文件的移动硬盘？）。</translation>
    </message>
    <message>
        <source>Video (none)</source>
        <translation>视频（无）</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Submitted {s} · draft {d} · not started {n} · recused {r}</source>
        <translation>已提交 {s} · 草稿 {d} · 未开始 {n} · 回避 {r}</translation>
    </message>
    <message>
        <source>Where should the score bundle go?</source>
        <translation>评分包保存到哪里？</translation>
    </message>
    <message>
        <source>Could not export the score bundle</source>
        <translation>无法导出评分包</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>What &quot;Create demo&quot; generates (the CLI&apos;s defaults). Folder made inside a non-empty folder chosen for the demo. Milliseconds to wait for background work to stop when the window closes. The user picked another interface language (code); ``ui.main.Shell`` rebuilds the window.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;workspace…</source>
        <translation>新建工作区(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;New demo…</source>
        <translation>新建演示(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;judge package…</source>
        <translation>打开评审包(&amp;J)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Leitai</source>
        <translation>关于擂台(&amp;A)</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Could not open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Creating the workspace in {path}…</source>
        <translation>正在 {path} 创建工作区…</translation>
    </message>
    <message>
        <source>Could not create the workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>Choose a folder for the demo competition</source>
        <translation>选择存放演示比赛的文件夹</translation>
    </message>
    <message>
        <source>Creating the demo competition…</source>
        <translation>正在生成演示比赛…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New demo</source>
        <translation>新建演示</translation>
    </message>
    <message>
        <source>Could not create the demo</source>
        <translation>无法生成演示</translation>
    </message>
    <message>
        <source>Demo creation cancelled.</source>
        <translation>已取消生成演示。</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>{competition} · Season {season}</source>
        <translation>{competition} · {season} 年度</translation>
    </message>
    <message>
        <source>{count} judges</source>
        <translation>评委 {count} 位</translation>
    </message>
    <message>
        <source>{shown} / {total} cases shown</source>
        <translation>显示 {shown} / {total} 个案例</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应表格的列</translation>
    </message>
    <message>
        <source>The sheet names some columns differently. Pick the column for each field.</source>
        <translation>表格中有些列的名称不同，请为每一项选择对应的列。</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>MergeHospitalsDialog</name>
    <message>
        <source>Merge hospital names</source>
        <translation>合并医院名称</translation>
    </message>
    <message>
        <source>The cases of the first name move to the second; the first is kept as another spelling, so later imports under it land on the same hospital. The change is recorded in the audit log.</source>
        <translation>第一个名称下的案例将归入第二个名称；第一个名称作为别名保留，以后按它导入的案例会自动归入同一医院。此操作记入审计日志。</translation>
    </message>
    <message>
        <source>Suggested by the checks:</source>
        <translation>检查发现的写法差异：</translation>
    </message>
    <message>
        <source>No spelling differences found.</source>
        <translation>未发现写法差异。</translation>
    </message>
    <message>
        <source>Merge this name</source>
        <translation>合并此名称</translation>
    </message>
    <message>
        <source>into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>{cases} case(s) of “{merged}” ({province}) will belong to “{kept}”.</source>
        <translation>“{merged}”（{province}）的 {cases} 个案例将归入“{kept}”。</translation>
    </message>
    <message>
        <source>Choose two different hospital names.</source>
        <translation>请选择两个不同的医院名称。</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Create an empty competition workspace for a season: cases, judges and scores go in it.</source>
        <translation>为一届赛事创建一个空的比赛工作区：案例、评委和评分都保存在其中。</translation>
    </message>
    <message>
        <source>{year} · {title}</source>
        <translation>{year} · {title}</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>The organizer passphrase protects the signature on every judge package and score bundle of this competition. Keep it safe: it cannot be recovered, and without it no new packages can be made.</source>
        <translation>主办方口令保护本次比赛每一份评审包和评分包的签名。请妥善保管：口令一旦遗忘无法找回，没有它就不能再制作新的评审包。</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Competition name</source>
        <translation>比赛名称</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>主办方口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Choose a folder for the new workspace</source>
        <translation>选择新工作区的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>请为工作区选择一个文件夹。</translation>
    </message>
    <message>
        <source>Enter the folder&apos;s full path.</source>
        <translation>请输入文件夹的完整路径。</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>This folder is not empty: a new workspace needs a new or empty folder.</source>
        <translation>该文件夹不是空文件夹：新工作区只能建在新的或空的文件夹里。</translation>
    </message>
    <message>
        <source>This folder cannot be read.</source>
        <translation>无法读取该文件夹。</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>OrganizerView</name>
    <message>
        <source>&amp;Reload</source>
        <extracomment>Milliseconds the search box waits after the last keystroke before filtering. (shown, total) cases after each load or filter change. The workspace summary after each load (``WorkspaceSummary``). A load finished and the table shows its rows. The selected case (``CaseRow``) or None.</extracomment>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the cases from the workspace again</source>
        <translation>重新从工作区读取案例</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案例(&amp;C)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Search code, title or hospital</source>
        <translation>搜索案例编号、名称或医院</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部赛区</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部组别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading the cases…</source>
        <translation>正在读取案例…</translation>
    </message>
    <message>
        <source>Season {season} · {cases} cases · {judges} judges</source>
        <translation>{season} 年度 · {cases} 个案例 · {judges} 位评委</translation>
    </message>
    <message>
        <source>The cases could not be read.</source>
        <translation>无法读取案例。</translation>
    </message>
    <message>
        <source>Could not read the cases</source>
        <translation>无法读取案例</translation>
    </message>
    <message>
        <source>This workspace has no cases yet.</source>
        <translation>此工作区还没有案例。</translation>
    </message>
    <message>
        <source>No case matches the filters.</source>
        <translation>没有符合筛选条件的案例。</translation>
    </message>
    <message>
        <source>{shown} / {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>Cases shown / all cases</source>
        <translation>显示的案例 / 全部案例</translation>
    </message>
</context>
<context>
    <name>PdfPageDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReaderWidget</name>
    <message>
        <source>No PDF to show.</source>
        <extracomment>Thumbnail width, logical pixels.</extracomment>
        <translation>没有可显示的 PDF。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Search in PDF</source>
        <translation>在 PDF 中搜索</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>转到页</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>PgDown / Space / →</source>
        <translation>PgDown / 空格 / →</translation>
    </message>
    <message>
        <source>PgUp / ←</source>
        <translation>PgUp / ←</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>First / last page</source>
        <translation>第一页 / 最后一页</translation>
    </message>
    <message>
        <source>Ctrl + wheel</source>
        <translation>Ctrl + 滚轮</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>The PDF file is missing: {0}</source>
        <translation>PDF 文件缺失：{0}</translation>
    </message>
    <message>
        <source>Opening the PDF…</source>
        <translation>正在打开 PDF…</translation>
    </message>
    <message>
        <source>This PDF is password-protected and cannot be shown.</source>
        <translation>此 PDF 受密码保护，无法显示。</translation>
    </message>
    <message>
        <source>This PDF cannot be opened (damaged or not a PDF).</source>
        <translation>无法打开此 PDF（文件已损坏或不是 PDF）。</translation>
    </message>
    <message>
        <source>You can still score this case.</source>
        <translation>您仍然可以为此案例评分。</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>RecuseDialog</name>
    <message>
        <source>Recuse from a case</source>
        <translation>回避案例</translation>
    </message>
    <message>
        <source>You will not score “{title}”. Its scores are kept but not exported. Why do you recuse yourself (e.g. you work with this hospital)?</source>
        <translation>您将不为“{title}”评分；已填的分数会保留但不会导出。请说明回避原因（例如您与该医院有合作关系）：</translation>
    </message>
    <message>
        <source>Recuse</source>
        <translation>回避</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject case {code}</source>
        <translation>驳回案例 {code}</translation>
    </message>
    <message>
        <source>The hospital reads this reason in the rejections sheet. Start from a template and edit it.</source>
        <translation>医院会在驳回清单中看到此原因。可从模板开始再修改。</translation>
    </message>
    <message>
        <source>Write a reason…</source>
        <translation>自行填写原因…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>原因模板</translation>
    </message>
    <message>
        <source>Why is this case rejected?</source>
        <translation>请填写驳回原因</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <source>Scores</source>
        <extracomment>Milliseconds of quiet after the last keystroke before a comment is saved.</extracomment>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment for the organizer (optional)</source>
        <translation>给主办方的评语（可选）</translation>
    </message>
    <message>
        <source>Submit this case</source>
        <translation>提交此案例</translation>
    </message>
    <message>
        <source>Locks the scores of this case (Ctrl+Enter); you can reopen it</source>
        <translation>锁定此案例的评分（Ctrl+Enter）；之后仍可撤回</translation>
    </message>
    <message>
        <source>Recuse…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <source>Declare a conflict of interest with this case</source>
        <translation>声明与此案例存在利益冲突</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>加权总分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>0–{max}, step {step}</source>
        <translation>0–{max} 分，每档 {step} 分</translation>
    </message>
    <message>
        <source>, weight {w}</source>
        <translation>，权重 {w}</translation>
    </message>
    <message>
        <source>Submitted: the scores are locked. Reopen to change them.</source>
        <translation>已提交：评分已锁定。如需修改，请先撤回提交。</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>撤回提交</translation>
    </message>
    <message>
        <source>You recused yourself: {reason}</source>
        <translation>您已回避此案例：{reason}</translation>
    </message>
    <message>
        <source>Withdraw recusal</source>
        <translation>撤销回避</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source> ({done}/{n} scored)</source>
        <translation>（已评 {done}/{n} 项）</translation>
    </message>
</context>
<context>
    <name>ScreeningController</name>
    <message>
        <source>approve</source>
        <extracomment>Missing values sort after every real one. Screening actions as the Undo button names them.</extracomment>
        <translation>通过</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>approve all clean</source>
        <translation>批量通过</translation>
    </message>
    <message>
        <source>status change</source>
        <translation>状态修改</translation>
    </message>
    <message>
        <source>Only with problems</source>
        <extracomment>A sentence for the status bar after an action. Screening data (findings counts, deadlines, undo step) reloaded after the view&apos;s rows. The findings of the selected case are shown.</extracomment>
        <translation>只看有问题的</translation>
    </message>
    <message>
        <source>Show only cases that break a rule of the notice</source>
        <translation>只显示违反通知要求的案例</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Not checked: this case was not imported through the intake</source>
        <translation>未检查：本案例不是通过案例导入添加的</translation>
    </message>
    <message>
        <source>Overdue: screening was due by {date}</source>
        <translation>已超期：应在 {date} 前完成初筛</translation>
    </message>
    <message>
        <source>Screening due by the end of {date}</source>
        <translation>初筛截止：{date} 当天</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>初筛</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>撤销{what}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Import cases…</source>
        <translation>导入案例…</translation>
    </message>
    <message>
        <source>Check and import a submissions folder or zip</source>
        <translation>检查并导入案例文件夹或 zip 压缩包</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Approve the selected case</source>
        <translation>通过所选案例</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Reject the selected case with a reason</source>
        <translation>驳回所选案例并填写原因</translation>
    </message>
    <message>
        <source>Approve all clean…</source>
        <translation>批量通过无问题案例…</translation>
    </message>
    <message>
        <source>Approve every waiting case that breaks no rule</source>
        <translation>通过所有待初筛且不违反规则的案例</translation>
    </message>
    <message>
        <source>Undo the last screening step</source>
        <translation>撤销最近一次初筛操作</translation>
    </message>
    <message>
        <source>Export rejections…</source>
        <translation>导出驳回清单…</translation>
    </message>
    <message>
        <source>Write rejected cases and their reasons to an Excel sheet for notifying hospitals</source>
        <translation>将驳回的案例及原因导出为 Excel 表格，用于通知医院</translation>
    </message>
    <message>
        <source>Merge hospital names…</source>
        <translation>合并医院名称…</translation>
    </message>
    <message>
        <source>Merge two spellings of one hospital</source>
        <translation>将同一医院的两种写法合并为一个</translation>
    </message>
    <message>
        <source>{code} — page {page}</source>
        <translation>{code} — 第 {page} 页</translation>
    </message>
    <message>
        <source>Case {code} approved.</source>
        <translation>案例 {code} 已通过。</translation>
    </message>
    <message>
        <source>Case {code} rejected.</source>
        <translation>案例 {code} 已驳回。</translation>
    </message>
    <message>
        <source>Approve all clean cases</source>
        <translation>批量通过无问题案例</translation>
    </message>
    <message>
        <source>Approve the {count} waiting cases that break no rule? You can undo this.</source>
        <translation>通过 {count} 个待初筛且不违反规则的案例？此操作可以撤销。</translation>
    </message>
    <message>
        <source>{count} clean cases approved.</source>
        <translation>已通过 {count} 个无问题的案例。</translation>
    </message>
    <message>
        <source>Undone: {count} case(s) back as they were.</source>
        <translation>已撤销：{count} 个案例恢复原状态。</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>没有可以撤销的操作。</translation>
    </message>
    <message>
        <source>rejections.xlsx</source>
        <translation>驳回清单.xlsx</translation>
    </message>
    <message>
        <source>Export rejections</source>
        <translation>导出驳回清单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} rejected cases written to {path}.</source>
        <translation>已将 {count} 个驳回案例写入 {path}。</translation>
    </message>
    <message>
        <source>“{merged}” merged into “{kept}”: {count} case(s).</source>
        <translation>已将“{merged}”合并到“{kept}”：{count} 个案例。</translation>
    </message>
    <message>
        <source>{cases} cases imported; {problems} with problems.</source>
        <translation>已导入 {cases} 个案例，其中 {problems} 个有问题。</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Choose the submissions</source>
        <extracomment>Keep the per-file list to this many lines (a 3,000-case import probes 6,000 files).</extracomment>
        <translation>选择案例来源</translation>
    </message>
    <message>
        <source>A folder, or a .zip of one, with cases.csv or cases.xlsx and the slides and videos it names.</source>
        <translation>一个文件夹或其 zip 压缩包，内含 cases.csv 或 cases.xlsx 以及表中列出的 PPT 和视频文件。</translation>
    </message>
    <message>
        <source>Folder or .zip file</source>
        <translation>文件夹或 .zip 文件</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Choose zip…</source>
        <translation>选择 zip…</translation>
    </message>
    <message>
        <source>Columns: {columns}. Unknown extra columns are kept with each case.</source>
        <translation>表格列：{columns}。其他列会随案例一并保留。</translation>
    </message>
    <message>
        <source>Choose the submissions folder</source>
        <translation>选择案例文件夹</translation>
    </message>
    <message>
        <source>Choose the submissions zip</source>
        <translation>选择案例压缩包</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <source>Sheet &lt;b&gt;{sheet}&lt;/b&gt;: {rows} case rows, {known} of its {columns} columns recognised.</source>
        <translation>表格 &lt;b&gt;{sheet}&lt;/b&gt;：{rows} 行案例，{columns} 列中识别出 {known} 列。</translation>
    </message>
    <message>
        <source>Not found: {columns}. The next step lets you pick them.</source>
        <translation>未找到：{columns}。下一步可以手动选择对应的列。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Leitai</source>
        <extracomment>How many recent workspaces the list shows before it scrolls. Item role holding a recent workspace&apos;s full path. A recent workspace&apos;s folder (str) was chosen. The user removed a folder (str) from the recent list.</extracomment>
        <translation>擂台</translation>
    </message>
    <message>
        <source>Improving Medical Services · National Hospital Case Competition</source>
        <translation>改善医疗服务 · 全国医院擂台赛</translation>
    </message>
    <message>
        <source>From intake to the award ceremony, entirely offline.</source>
        <translation>从案例征集到颁奖典礼，全程离线运行。</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Organizers: continue running a competition from its workspace folder.</source>
        <translation>主办方：从工作区文件夹继续组织一届比赛。</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Organizers: start a new competition for a season, protected by your passphrase.</source>
        <translation>主办方：为一届赛事开始新的比赛，由您的口令保护。</translation>
    </message>
    <message>
        <source>Open judge package…</source>
        <translation>打开评审包…</translation>
    </message>
    <message>
        <source>Judges: open the package the organizer sent you, then score your cases.</source>
        <translation>评审专家：打开主办方发来的评审包，为分配给您的案例评分。</translation>
    </message>
    <message>
        <source>Create demo…</source>
        <translation>新建演示…</translation>
    </message>
    <message>
        <source>Try Leitai on a generated competition with sample cases and judges.</source>
        <translation>在自动生成的演示比赛（含示例案例和评委）上体验擂台。</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近打开的工作区</translation>
    </message>
    <message>
        <source>No workspace opened yet. Open one, or create a demo to look around.</source>
        <translation>还没有打开过工作区。请打开一个工作区，或新建演示来了解功能。</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
</context>
<context>
    <name>VideoPlayerWidget</name>
    <message>
        <source>Play / pause (Space)</source>
        <extracomment>Environment variable that picks the backend: ``qt`` or ``vlc`` (default: VLC if it loads). Milliseconds the arrow keys seek. Options for libvlc; never the on-screen title, never a window of its own. Under offscreen Qt there is no window to draw into (and ``set_xwindow`` would crash): no output at all.</extracomment>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>静音（M）</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏（F）</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Full screen video</source>
        <translation>全屏视频</translation>
    </message>
    <message>
        <source>This case has no video.</source>
        <translation>此案例没有视频。</translation>
    </message>
    <message>
        <source>The video file is missing: {0}</source>
        <translation>视频文件缺失：{0}</translation>
    </message>
    <message>
        <source>The video player could not start: {0}</source>
        <translation>视频播放器无法启动：{0}</translation>
    </message>
    <message>
        <source>You can still score this case.</source>
        <translation>您仍然可以为此案例评分。</translation>
    </message>
    <message>
        <source>This video cannot be played (damaged or in an unknown format): {0}</source>
        <translation>此视频无法播放（文件已损坏或格式无法识别）：{0}</translation>
    </message>
</context>
</TS>
