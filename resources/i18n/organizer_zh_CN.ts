<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>CaseFilterBar</name>
    <message>
        <source>Search code, title or hospital</source>
        <extracomment>Milliseconds the search box waits after the last keystroke before filtering. Characters a filter box shows at least before it elides (&quot;All themes&quot;, &quot;1 · 构建…&quot;). A filter changed (the proxy has re-filtered). The user pressed &quot;Clear filters&quot;.</extracomment>
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
        <source>Cases shown / all cases</source>
        <translation>显示的案例 / 全部案例</translation>
    </message>
    <message>
        <source>{shown} / {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>The case&apos;s ``CaseRow.id`` (int) for any cell. The row&apos;s rank in the column&apos;s sort order (an int: Qt&apos;s proxy compares it without calling Python). The whole ``CaseRow`` for any cell (for delegates and the filter proxy). Translation context of the column headers (explicit: the model may be subclassed). Shown by default (the header&apos;s context menu shows or hides any column). Text colour for a row, or None for the default. Icon shown before the text (e.g. the intake findings&apos; severity), or None. Narrowest width the view may give it on a small window so the title stays readable (0: never narrower than ``width``). On a table too narrow for the title even then, columns with ``drop`` &gt; 0 are hidden, lowest first (0: always shown). See ``ui/organizer/column_fitter.py``. Missing values sort after every real one, whichever the type. Statuses sort in the order a case goes through screening.</extracomment>
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
    <name>ColumnMappingWidget</name>
    <message>
        <source>* required</source>
        <translation>* 为必填</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>Findings</name>
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
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应表格的列</translation>
    </message>
    <message>
        <source>The sheet names some columns differently. Pick the column for each field.</source>
        <translation>表格中有些列的名称不同，请为每一项选择对应的列。</translation>
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
    <name>OrganizerView</name>
    <message>
        <source>&amp;Reload</source>
        <extracomment>The competition&apos;s name keeps at least this width beside the toolbar (then it elides). (shown, total) cases after each load or filter change. The workspace summary after each load (``WorkspaceSummary``). A load finished and the table shows its rows. The selected case (``CaseRow``) or None. The user cleared every filter: extensions reset their own filter widgets.</extracomment>
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
</context>
<context>
    <name>PdfPageDialog</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
    <name>ScreeningColumns</name>
    <message>
        <source>Not checked: this case was not imported through the intake</source>
        <extracomment>Missing values sort after every real one.</extracomment>
        <translation>未检查：本案例不是通过案例导入添加的</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Overdue: screening was due by {date}</source>
        <translation>已超期：应在 {date} 前完成初筛</translation>
    </message>
    <message>
        <source>Screening due by the end of {date}</source>
        <translation>初筛截止：{date} 当天</translation>
    </message>
</context>
<context>
    <name>ScreeningController</name>
    <message>
        <source>Only with problems</source>
        <extracomment>A sentence for the status bar after an action. The undo step was read again after the view loaded its rows: the actions are up to date. The findings of the selected case are shown.</extracomment>
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
</TS>
