<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvanceDialog</name>
    <message>
        <source>Advance cases into {round}</source>
        <extracomment>The proposal was read (or refused) and is shown.</extracomment>
        <translation>晋级到{round}</translation>
    </message>
    <message>
        <source>Case codes, one per line or separated by commas</source>
        <translation>案例编号，每行一个或用逗号分隔</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>晋级</translation>
    </message>
    <message>
        <source>Propose from this list</source>
        <translation>按此名单生成建议</translation>
    </message>
    <message>
        <source>Propose from the ranking</source>
        <translation>按成绩排名生成建议</translation>
    </message>
    <message>
        <source>Every case that passed screening enters. Untick a case to leave it out, with a reason.</source>
        <translation>所有通过初筛的案例都进入本轮。取消勾选可将案例排除，并需写明理由。</translation>
    </message>
    <message>
        <source>The season&apos;s rule proposes the best of each group by the results&apos; ranking; or paste the list of cases that advance. Then tick cases in or out, each change with its reason.</source>
        <translation>按本届规则，根据成绩排名建议各组排名靠前的案例晋级；也可粘贴晋级案例名单。之后可勾选增减，每处改动都要写明理由。</translation>
    </message>
    <message>
        <source>Paste the codes of the cases that advance (the results&apos; ranking is not available); then tick cases in or out, each change with its reason.</source>
        <translation>粘贴晋级案例的编号（成绩排名不可用）；之后可勾选增减，每处改动都要写明理由。</translation>
    </message>
    <message>
        <source>Reading the proposal…</source>
        <translation>正在生成建议…</translation>
    </message>
    <message>
        <source>{count} cases advance; {changes} changed against the proposal.</source>
        <translation>晋级 {count} 个案例；相对建议改动 {changes} 处。</translation>
    </message>
    <message>
        <source>Give a reason for {cases}.</source>
        <translation>请为 {cases} 写明理由。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign {round}</source>
        <translation>分配{round}</translation>
    </message>
    <message>
        <source>Every case gets K judges: never a hard conflict, loads within one wherever the conflicts allow, soft conflicts avoided, themes of expertise preferred. The same seed gives the same assignment.</source>
        <translation>每个案例分配 K 位评委：绝不违反硬性回避；在回避允许的范围内，各评委案例数最多相差一个；尽量避开软性回避，优先擅长主题。相同的随机种子得到相同的分配。</translation>
    </message>
    <message>
        <source>Replace the assignment already made (only before any score arrives)</source>
        <translation>替换已有的分配（仅限尚未收到评分时）</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Judges per case (K)</source>
        <translation>每案评委数（K）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
</context>
<context>
    <name>AssignmentMatrixModel</name>
    <message>
        <source>Theme</source>
        <extracomment>The case&apos;s id (int) for any cell of its row. The judge&apos;s id (int) for a judge&apos;s cell (None in the case columns). The cell&apos;s state (a ``SCORE_STATES`` key) or None when the judge is not on the case. The pair&apos;s conflict kind (hard or soft, a ``CONFLICT_KINDS`` key) or None. A sortable value for the column. Columns before the first judge. Translation context of the headers (explicit: the model may be subclassed).</extracomment>
        <translation>主题</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>{code} {name}
Themes: {themes}
{assigned} cases, {submitted} submitted, {recused} recused</source>
        <extracomment>A state&apos;s mark in a cell: not started, draft, submitted, recused. The mark of a pair that may never be assigned.</extracomment>
        <translation>{code} {name}
擅长：{themes}
{assigned} 个案例，已提交 {submitted}，已回避 {recused}</translation>
    </message>
    <message>
        <source>{judges} of the {per_case} judges this round asks for</source>
        <translation>本轮每案需 {per_case} 位评委，现有 {judges} 位</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Never assigned: {reason}</source>
        <translation>不可分配：{reason}</translation>
    </message>
    <message>
        <source>Avoided: {reason}</source>
        <translation>尽量避开：{reason}</translation>
    </message>
</context>
<context>
    <name>BuildDialog</name>
    <message>
        <source>Build packages for {count} judges</source>
        <translation>为 {count} 位评委生成评审包</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Keep videos and slides outside the packages (copied once to a media folder)</source>
        <translation>视频和幻灯片不放入评审包（统一复制到一个媒体文件夹）</translation>
    </message>
    <message>
        <source>Each package gets its own access code. Hand the codes over apart from the packages.</source>
        <translation>每个评审包都有自己的访问码。访问码请与评审包分开交给评委。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Organizer passphrase</source>
        <translation>主办方密码</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>评审包存放文件夹</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts of {code} {name}</source>
        <translation>{code} {name} 的回避</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Case code</source>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Hospital name or case code</source>
        <translation>医院名称或案例编号</translation>
    </message>
    <message>
        <source>Reason (e.g. worked there until 2021)</source>
        <translation>理由（如：2021 年前在该院任职）</translation>
    </message>
    <message>
        <source>Declare</source>
        <translation>登记回避</translation>
    </message>
    <message>
        <source>Withdraw selected</source>
        <translation>撤销所选</translation>
    </message>
    <message>
        <source>Conflict with</source>
        <translation>回避对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>&amp;Reload</source>
        <extracomment>A snapshot was loaded and every tab shows it. The user wants the case table back. A sentence for the status bar. The organizer key&apos;s passphrase once a build succeeded with it: kept in memory for this session only, so the next build or drop-out does not ask again.</extracomment>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Judging</source>
        <translation>评审(&amp;J)</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>评审包</translation>
    </message>
    <message>
        <source>Bundles and progress</source>
        <translation>评分与进度</translation>
    </message>
    <message>
        <source>Import judges…</source>
        <translation>导入评委…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Build packages…</source>
        <translation>生成评审包…</translation>
    </message>
    <message>
        <source>Merge a folder of bundles…</source>
        <translation>合并文件夹中的评分包…</translation>
    </message>
    <message>
        <source>Back to the cases</source>
        <translation>返回案例列表</translation>
    </message>
    <message>
        <source>Judging desk</source>
        <translation>评审工作台</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Back to the case table</source>
        <translation>返回案例列表</translation>
    </message>
    <message>
        <source>Another change is still running.</source>
        <translation>上一项操作尚未完成。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{round} · {status} · {cases} cases · {judges} judges · {per_case} per case</source>
        <translation>{round} · {status} · {cases} 个案例 · {judges} 位评委 · 每案 {per_case} 位</translation>
    </message>
    <message>
        <source>Could not read the judging desk</source>
        <translation>无法读取评审工作台</translation>
    </message>
</context>
<context>
    <name>DropOutDialog</name>
    <message>
        <source>Drop out {code} {name}</source>
        <translation>{code} {name} 退出评审</translation>
    </message>
    <message>
        <source>The judge keeps the scores they submitted; their other cases go to the remaining judges (balanced, never a conflict), and the packages that change are built again.</source>
        <translation>该评委已提交的评分保留；其余案例交给其他评委（均衡分配，不违反回避），受影响的评审包重新生成。</translation>
    </message>
    <message>
        <source>e.g. ill, cannot judge this round</source>
        <translation>如：生病，无法参加本轮评审</translation>
    </message>
    <message>
        <source>Folder for the new packages (optional)</source>
        <translation>新评审包存放文件夹（可选）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>理由 *</translation>
    </message>
    <message>
        <source>New packages</source>
        <translation>新评审包</translation>
    </message>
    <message>
        <source>Organizer passphrase</source>
        <translation>主办方密码</translation>
    </message>
    <message>
        <source>Drop out</source>
        <translation>退出评审</translation>
    </message>
    <message>
        <source>Folder for the new packages</source>
        <translation>新评审包存放文件夹</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Add {judge} to case {case}</source>
        <translation>把 {judge} 加到案例 {case}</translation>
    </message>
    <message>
        <source>Take {judge} off case {case}</source>
        <translation>把 {judge} 从案例 {case} 撤下</translation>
    </message>
    <message>
        <source>Replace {judge} on case {case}</source>
        <translation>替换案例 {case} 的评委 {judge}</translation>
    </message>
    <message>
        <source>New judge</source>
        <translation>新评委</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The same rules as the assignment check the edit: a hard conflict is refused, anything else the round should know is said after.</source>
        <translation>改动按自动分配的同一规则检查：违反硬性回避的会被拒绝，其他需要注意的情况会在改动后提示。</translation>
    </message>
</context>
<context>
    <name>InfeasibleDialog</name>
    <message>
        <source>No assignment is possible</source>
        <translation>无法完成分配</translation>
    </message>
    <message>
        <source>Nothing was changed. Lower K, name more judges for the round, or review the conflicts of these cases&apos; themes, then assign again.</source>
        <translation>未做任何改动。可降低 K、为本轮增加评委，或检查这些主题的回避设置后再分配。</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <source>Edit judge {code}</source>
        <translation>编辑评委 {code}</translation>
    </message>
    <message>
        <source>New judge</source>
        <translation>新评委</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>A judge never scores cases of their own institution: it is matched against every hospital name and merged spelling.</source>
        <translation>评委不会评审本单位的案例：单位名称会与所有医院名称及已合并的写法比对。</translation>
    </message>
    <message>
        <source>Themes of expertise</source>
        <translation>擅长主题</translation>
    </message>
</context>
<context>
    <name>JudgeProgressModel</name>
    <message>
        <source>Code</source>
        <extracomment>The judge&apos;s id for any cell. Sortable value of the cell.</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Recused</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>最近评分包</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <source>Loads differ by more than one: {low}–{high}</source>
        <translation>评委案例数相差超过一个：{low}–{high}</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <source>Assign…</source>
        <extracomment>Width of a judge&apos;s column: room for a code and a two- or three-character name.</extracomment>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Fill gaps</source>
        <translation>补足评委</translation>
    </message>
    <message>
        <source>Give judges to the cases short of K, keeping every assignment made</source>
        <translation>为评委不足 K 位的案例补充评委，已有分配不变</translation>
    </message>
    <message>
        <source>Add judge</source>
        <translation>添加评委</translation>
    </message>
    <message>
        <source>Remove judge</source>
        <translation>撤下评委</translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>Case code or hospital</source>
        <translation>案例编号或医院</translation>
    </message>
    <message>
        <source>Only cases short of judges</source>
        <translation>只看评委不足的案例</translation>
    </message>
    <message>
        <source>Only judges of the theme</source>
        <translation>只看擅长该主题的评委</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>never assigned (hard conflict)</source>
        <translation>不可分配（硬性回避）</translation>
    </message>
    <message>
        <source>avoided (same province or region)</source>
        <translation>尽量避开（同省或同赛区）</translation>
    </message>
    <message>
        <source>No cases in this round yet.</source>
        <translation>本轮还没有案例。</translation>
    </message>
    <message>
        <source>{cases} cases × {judges} judges · K = {per_case}</source>
        <translation>{cases} 个案例 × {judges} 位评委 · K = {per_case}</translation>
    </message>
    <message>
        <source>{load} cases per judge</source>
        <translation>每人 {load} 个</translation>
    </message>
    <message>
        <source>{low}–{high} cases per judge</source>
        <translation>每人 {low}–{high} 个</translation>
    </message>
    <message>
        <source>not assigned yet: press Assign</source>
        <translation>尚未分配：请点“分配…”</translation>
    </message>
    <message>
        <source>{count} cases short of judges</source>
        <translation>{count} 个案例评委不足</translation>
    </message>
    <message>
        <source>{shown} / {total} cases</source>
        <translation>{shown} / {total} 个案例</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Assigning {round}…</source>
        <translation>正在分配{round}…</translation>
    </message>
    <message>
        <source>Finding judges for the cases short of K…</source>
        <translation>正在为评委不足的案例补充评委…</translation>
    </message>
    <message>
        <source>{created} assignments made; loads differ by {spread}; {soft} soft conflicts could not be avoided.</source>
        <translation>新增 {created} 条分配；评委案例数相差 {spread}；{soft} 处软性回避未能避开。</translation>
    </message>
    <message>
        <source>Change a case&apos;s judges</source>
        <translation>调整案例的评委</translation>
    </message>
    <message>
        <source>{judge} added to case {case}.</source>
        <translation>已把 {judge} 加到案例 {case}。</translation>
    </message>
    <message>
        <source>{judge} taken off case {case}.</source>
        <translation>已把 {judge} 从案例 {case} 撤下。</translation>
    </message>
    <message>
        <source>{judge} now judges case {case}.</source>
        <translation>案例 {case} 现由 {judge} 评审。</translation>
    </message>
</context>
<context>
    <name>MergeTab</name>
    <message>
        <source>Merge score bundles</source>
        <extracomment>Milliseconds after a merged bundle before the progress reloads (several arriving at once: one load). Seconds between two looks at a watched folder (a bundle is taken once it stopped changing).</extracomment>
        <translation>合并评分包</translation>
    </message>
    <message>
        <source>Drop score bundles (.leitai-scores) or a folder of them here</source>
        <translation>把评分包（.leitai-scores）或其所在文件夹拖到这里</translation>
    </message>
    <message>
        <source>Add a bundle…</source>
        <translation>添加评分包…</translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Watch a folder…</source>
        <translation>监视文件夹…</translation>
    </message>
    <message>
        <source>Not watching a folder.</source>
        <translation>未监视文件夹。</translation>
    </message>
    <message>
        <source>Progress of each judge</source>
        <translation>各评委进度</translation>
    </message>
    <message>
        <source>{submitted} of {assigned} scores submitted ({scored} started) by {judges} judges.</source>
        <translation>{judges} 位评委：已提交 {submitted} / {assigned} 份评分（已开始 {scored} 份）。</translation>
    </message>
    <message>
        <source>Choose a score bundle</source>
        <translation>选择评分包</translation>
    </message>
    <message>
        <source>Score bundles (*.leitai-scores)</source>
        <translation>评分包 (*.leitai-scores)</translation>
    </message>
    <message>
        <source>Choose a folder of score bundles</source>
        <translation>选择评分包所在文件夹</translation>
    </message>
    <message>
        <source>{count} bundles looked at.</source>
        <translation>已处理 {count} 个评分包。</translation>
    </message>
    <message>
        <source>Merging score bundles…</source>
        <translation>正在合并评分包…</translation>
    </message>
    <message>
        <source>Folder to watch for score bundles</source>
        <translation>要监视的评分包文件夹</translation>
    </message>
    <message>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <source>Watching {folder}: every bundle that lands there is merged.</source>
        <translation>正在监视 {folder}：放入其中的评分包会自动合并。</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <translation>监视文件夹</translation>
    </message>
</context>
<context>
    <name>OutcomeModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>PackagesModel</name>
    <message>
        <source>Judge</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>评审包</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Access code</source>
        <translation>访问码</translation>
    </message>
</context>
<context>
    <name>PackagesTab</name>
    <message>
        <source>Build for ticked judges…</source>
        <translation>为勾选的评委生成…</translation>
    </message>
    <message>
        <source>Build for every judge…</source>
        <translation>为全部评委生成…</translation>
    </message>
    <message>
        <source>Tick those to build again</source>
        <translation>勾选需重新生成的</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>Access codes of the packages built now</source>
        <translation>本次生成的评审包访问码</translation>
    </message>
    <message>
        <source>Print slips (PDF)…</source>
        <translation>打印访问码纸条（PDF）…</translation>
    </message>
    <message>
        <source>Save codes (xlsx)…</source>
        <translation>保存访问码表（xlsx）…</translation>
    </message>
    <message>
        <source>The codes are shown only now, never stored: print the slips or save the sheet before you close the workspace. A lost code means building that judge&apos;s package again.</source>
        <translation>访问码只在此时显示，不会保存：请在关闭工作区前打印纸条或保存表格。遗失访问码只能为该评委重新生成评审包。</translation>
    </message>
    <message>
        <source>Nobody has cases in this round yet: assign it first (Assignment tab).</source>
        <translation>本轮还没有评委分到案例：请先在“分配”页完成分配。</translation>
    </message>
    <message>
        <source>Tick the judges whose packages to build.</source>
        <translation>请勾选要生成评审包的评委。</translation>
    </message>
    <message>
        <source>{count} packages built in {folder}.</source>
        <translation>已在 {folder} 生成 {count} 个评审包。</translation>
    </message>
    <message>
        <source>Build packages</source>
        <translation>生成评审包</translation>
    </message>
    <message>
        <source>Building {count} packages…</source>
        <translation>正在生成 {count} 个评审包…</translation>
    </message>
    <message>
        <source>Print the access-code slips</source>
        <translation>打印访问码纸条</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the access codes</source>
        <translation>保存访问码</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>access-codes</source>
        <translation>访问码</translation>
    </message>
    <message>
        <source>{count} access codes of {round} written to {path}.</source>
        <translation>已把{round}的 {count} 个访问码写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Advances</source>
        <translation>晋级</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
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
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>改动理由</translation>
    </message>
    <message>
        <source>Say why this case differs from the proposal</source>
        <extracomment>The organizer changed a tick or a reason.</extracomment>
        <translation>请说明此案例为何与建议不同</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import judges</source>
        <extracomment>The sheet was read (or refused) and the mapping step shows it.</extracomment>
        <translation>导入评委</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Themes of expertise</source>
        <translation>擅长主题</translation>
    </message>
    <message>
        <source>Judge code</source>
        <translation>评委编号</translation>
    </message>
    <message>
        <source>An .xlsx or .csv roster, one judge a row; a title row above the header is fine. Judges already enrolled (same name and institution, or same phone) are skipped.</source>
        <translation>评委名单为 .xlsx 或 .csv，每行一位评委；表头上方可以有标题行。已在名单中的评委（姓名和单位相同，或电话相同）会跳过。</translation>
    </message>
    <message>
        <source>Roster sheet</source>
        <translation>评委名单表</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the roster</source>
        <translation>选择评委名单</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv *.txt)</source>
        <translation>表格 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>正在读取表格…</translation>
    </message>
    <message>
        <source>Sheet &lt;b&gt;{sheet}&lt;/b&gt;: {rows} rows; {known} of its {columns} columns recognised.</source>
        <translation>表格 &lt;b&gt;{sheet}&lt;/b&gt;：{rows} 行；{columns} 列中识别出 {known} 列。</translation>
    </message>
    <message>
        <source>Pick the column that holds each judge&apos;s name.</source>
        <translation>请选择评委姓名所在的列。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Code</source>
        <extracomment>The judge&apos;s code for any cell. (header, text of a row).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Themes of expertise</source>
        <translation>擅长主题</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>回避</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dropped out: {reason}</source>
        <translation>已退出：{reason}</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Import judges…</source>
        <translation>导入评委…</translation>
    </message>
    <message>
        <source>New judge…</source>
        <translation>新增评委…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>回避…</translation>
    </message>
    <message>
        <source>Drop out…</source>
        <translation>退出评审…</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Search judges</source>
        <translation>搜索评委</translation>
    </message>
    <message>
        <source>Import judges</source>
        <translation>导入评委</translation>
    </message>
    <message>
        <source>Enrolling the judges of {name}…</source>
        <translation>正在登记 {name} 中的评委…</translation>
    </message>
    <message>
        <source>{added} judges enrolled, {skipped} rows skipped.</source>
        <translation>已登记 {added} 位评委，跳过 {skipped} 行。</translation>
    </message>
    <message>
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>New judge</source>
        <translation>新评委</translation>
    </message>
    <message>
        <source>Edit judge</source>
        <translation>编辑评委</translation>
    </message>
    <message>
        <source>Drop out</source>
        <translation>退出评审</translation>
    </message>
    <message>
        <source>Handing the cases of {code} to other judges…</source>
        <translation>正在把 {code} 的案例交给其他评委…</translation>
    </message>
    <message>
        <source>{round}: kept {kept} submitted, {released} handed to {judges}.</source>
        <translation>{round}：保留已提交 {kept} 个，{released} 个交给 {judges}。</translation>
    </message>
    <message>
        <source>New packages for {judges}: print their slips on the Packages tab.</source>
        <translation>已为 {judges} 生成新评审包：请在“评审包”页打印访问码纸条。</translation>
    </message>
    <message>
        <source>Build new packages for {judges}.</source>
        <translation>请为 {judges} 重新生成评审包。</translation>
    </message>
</context>
<context>
    <name>RoundJudgesDialog</name>
    <message>
        <source>Judges of {round}</source>
        <translation>{round}的评委</translation>
    </message>
    <message>
        <source>Tick the judges of this round. With none ticked, every active judge takes part.</source>
        <translation>勾选本轮评委。一个都不勾选时，所有在岗评委都参加。</translation>
    </message>
</context>
<context>
    <name>RoundTableModel</name>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Judges</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Per case</source>
        <translation>每案评委</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Not scored by judges: nothing to assign at the desk</source>
        <extracomment>Keys of the round model&apos;s columns.</extracomment>
        <translation>本轮不由评委评分，无需在工作台分配</translation>
    </message>
    <message>
        <source>Every active judge (none named for this round)</source>
        <translation>所有在岗评委（本轮未指定评委）</translation>
    </message>
</context>
<context>
    <name>RoundsTab</name>
    <message>
        <source>Progress of {round}</source>
        <translation>{round}进度</translation>
    </message>
    <message>
        <source>{submitted} of {assigned} scores submitted</source>
        <translation>已提交 {submitted} / {assigned} 份评分</translation>
    </message>
    <message>
        <source>{started} scores started · {done} of {judges} judges finished</source>
        <translation>已开始评分 {started} 份 · {judges} 位评委中 {done} 位已全部提交</translation>
    </message>
    <message>
        <source>{done} of {cases} cases fully scored · {short} cases short of judges</source>
        <translation>{cases} 个案例中 {done} 个已收齐评分 · {short} 个案例评委不足</translation>
    </message>
    <message>
        <source>{built} packages handed out · {outdated} to build again</source>
        <translation>已发出评审包 {built} 份 · 需重新生成 {outdated} 份</translation>
    </message>
    <message>
        <source>Assignment settings</source>
        <translation>分配设置</translation>
    </message>
    <message>
        <source>Avoid judges from the case&apos;s province</source>
        <translation>避开与案例同省的评委</translation>
    </message>
    <message>
        <source>Avoid judges from the case&apos;s region</source>
        <translation>避开与案例同赛区的评委</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Judges per case</source>
        <translation>每案评委数</translation>
    </message>
    <message>
        <source>Themes of expertise</source>
        <translation>擅长主题</translation>
    </message>
    <message>
        <source>Most cases per judge</source>
        <translation>每位评委最多案例数</translation>
    </message>
    <message>
        <source>Cases and judges</source>
        <translation>案例与评委</translation>
    </message>
    <message>
        <source>Admit approved cases</source>
        <translation>纳入初筛通过的案例</translation>
    </message>
    <message>
        <source>Advance cases…</source>
        <translation>案例晋级…</translation>
    </message>
    <message>
        <source>Choose judges…</source>
        <translation>选择评委…</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>结束本轮</translation>
    </message>
    <message>
        <source>Reopen round</source>
        <translation>重新开放本轮</translation>
    </message>
    <message>
        <source>Cases enter this round by passing screening.</source>
        <translation>通过初筛的案例进入本轮。</translation>
    </message>
    <message>
        <source>Cases enter with the award “{award}” of an earlier round.</source>
        <translation>获得前一轮“{award}”的案例进入本轮。</translation>
    </message>
    <message>
        <source>Each group&apos;s winner of the round before enters, plus the best of the rest.</source>
        <translation>上一轮各组第一名进入本轮，另从其余案例中择优补入。</translation>
    </message>
    <message>
        <source>Nobody is judged in this round at the desk.</source>
        <translation>本轮不在评审工作台评分。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>{count} approved cases admitted.</source>
        <translation>已纳入 {count} 个初筛通过的案例。</translation>
    </message>
    <message>
        <source>{count} cases now in the round.</source>
        <translation>本轮现有 {count} 个案例。</translation>
    </message>
    <message>
        <source>Advance cases</source>
        <translation>案例晋级</translation>
    </message>
    <message>
        <source>Judges of the round</source>
        <translation>本轮评委</translation>
    </message>
    <message>
        <source>Close {round}? Its assignment can no longer change.</source>
        <translation>结束{round}？结束后分配不能再更改。</translation>
    </message>
</context>
</TS>
