<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessCodeDialog</name>
    <message>
        <source>Access code</source>
        <translation>访问码</translation>
    </message>
    <message>
        <source>{competition} · {round}
Judge {judge} ({code}) · {n} cases</source>
        <translation>{competition} · {round}
评委 {judge}（{code}）· {n} 个案例</translation>
    </message>
    <message>
        <source>Organizer key fingerprint:</source>
        <translation>主办方密钥指纹：</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint the organizer announced. If they differ, the package did not come from the organizer: do not enter your code.</source>
        <translation>请与主办方公布的指纹核对。如果不一致，说明评审包并非来自主办方：请不要输入访问码。</translation>
    </message>
    <message>
        <source>This computer does not keep your judge key: enter your access code again to sign.</source>
        <translation>本机不保存您的评委密钥：请再次输入访问码，以便签名评分包。</translation>
    </message>
    <message>
        <source>Enter the access code the organizer gave you for {name}.</source>
        <translation>请输入主办方为 {name} 单独提供给您的访问码。</translation>
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
        <source>(blind)</source>
        <translation>（匿名）</translation>
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
        <translation>修订号</translation>
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
    <name>JudgeStartPage</name>
    <message>
        <source>← Start page</source>
        <extracomment>The column the page&apos;s content sits in, so lines stay readable on a wide screen.</extracomment>
        <translation>← 返回首页</translation>
    </message>
    <message>
        <source>Back to Leitai&apos;s start page</source>
        <translation>回到擂台首页</translation>
    </message>
    <message>
        <source>Back to the start page</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <source>Judge workspace</source>
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
        <source>Judge folders on this computer</source>
        <translation>本机上的评审文件夹</translation>
    </message>
</context>
<context>
    <name>JudgeView</name>
    <message>
        <source>Open judge package…</source>
        <extracomment>The judge wants Leitai&apos;s start page back (the main window switches pages).</extracomment>
        <translation>打开评审包…</translation>
    </message>
    <message>
        <source>Export score bundle…</source>
        <translation>导出评分包…</translation>
    </message>
    <message>
        <source>Attach media folder…</source>
        <translation>指定媒体文件夹…</translation>
    </message>
    <message>
        <source>Close this package</source>
        <translation>关闭此评审包</translation>
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
        <source>Show / hide the case list</source>
        <translation>显示 / 隐藏案例列表</translation>
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
        <source>Live mode…</source>
        <translation>现场评分模式…</translation>
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
        <source>Where should the score bundle go?</source>
        <translation>评分包保存到哪里？</translation>
    </message>
    <message>
        <source>Could not export the score bundle</source>
        <translation>无法导出评分包</translation>
    </message>
</context>
<context>
    <name>LiveModeDialog</name>
    <message>
        <source>Live mode</source>
        <translation>现场评分模式</translation>
    </message>
    <message>
        <source>organizer&apos;s address, e.g. 192.168.1.10:8765</source>
        <translation>主办方地址，如 192.168.1.10:8765</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>{name} (0–{max:g})</source>
        <translation>{name}（0–{max:g}）</translation>
    </message>
    <message>
        <source>Submit and send</source>
        <translation>提交并发送</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>合计：{total}</translation>
    </message>
    <message>
        <source>Score every criterion first.</source>
        <translation>请先为每一项打分。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>PackageOpener</name>
    <message>
        <source>Open judge package</source>
        <extracomment>File name suffix of judge packages. Where judge homes live inside the per-user data folder.</extracomment>
        <translation>打开评审包</translation>
    </message>
    <message>
        <source>Judge packages (*.leitai-pkg);;All files (*)</source>
        <translation>评审包 (*.leitai-pkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open the judge package</source>
        <translation>无法打开评审包</translation>
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
        <source>Could not open the judge&apos;s folder</source>
        <translation>无法打开评委评审文件夹</translation>
    </message>
    <message>
        <source>Folder or drive holding the case videos</source>
        <translation>存放案例视频的文件夹或移动硬盘</translation>
    </message>
    <message>
        <source>Could not use that folder</source>
        <translation>无法使用该文件夹</translation>
    </message>
    <message>
        <source>Checking the media files…</source>
        <translation>正在校验媒体文件…</translation>
    </message>
    <message>
        <source>Attach media folder</source>
        <translation>指定媒体文件夹</translation>
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
        <source>Reason for the recusal</source>
        <translation>回避原因</translation>
    </message>
    <message>
        <source>Recuse</source>
        <translation>回避</translation>
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
        <source>Saved as a draft, not submitted. Still to score: {names}</source>
        <translation>已存为草稿，未提交。还需评分：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> ({done}/{n} scored)</source>
        <translation>（已评 {done}/{n} 项）</translation>
    </message>
</context>
<context>
    <name>ScoringView</name>
    <message>
        <source>Slides (PDF)</source>
        <extracomment>Window widths (px) from which the case list and the thumbnails are shown beside the slide. The rubric&apos;s column: wide enough for a criterion name, its entry and the reason an entry is refused. The case list&apos;s width when it is shown: on a wide window, and when brought back on a laptop&apos;s. After a commit returned: case id, what changed (&quot;score:&lt;key&gt;&quot;, &quot;comment&quot;, &quot;submit&quot;, ...), value.</extracomment>
        <translation>案例材料（PDF）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Cases done</source>
        <translation>已完成的案例</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>案例列表</translation>
    </message>
    <message>
        <source>Show or hide the list of cases (Ctrl+L)</source>
        <translation>显示或隐藏案例列表（Ctrl+L）</translation>
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
        <source>Show cases</source>
        <translation>显示案例</translation>
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
        <source>Filter cases</source>
        <translation>筛选案例</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Judge {name} ({code}) · {n} cases{blind} · organizer key {fingerprint}</source>
        <translation>评委 {name}（{code}）· {n} 个案例{blind} · 主办方密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <source> · blind review</source>
        <translation> · 匿名评审</translation>
    </message>
    <message>
        <source>Compare the organizer key&apos;s fingerprint with the one the organizer announced.</source>
        <translation>请将主办方密钥指纹与主办方公布的指纹核对。</translation>
    </message>
    <message>
        <source>The slides of this case are not available (is the media drive attached?).</source>
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
</context>
</TS>
