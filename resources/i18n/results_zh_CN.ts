<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConsistencyChartView</name>
    <message>
        <source>Severity</source>
        <translation>宽严偏差</translation>
    </message>
    <message>
        <source>Severity: a judge to look at</source>
        <translation>宽严偏差：需要关注的评委</translation>
    </message>
    <message>
        <source>Severity (points)</source>
        <translation>宽严偏差（分）</translation>
    </message>
    <message>
        <source>Agreement ρ</source>
        <translation>排序一致性 ρ</translation>
    </message>
    <message>
        <source>± one judge&apos;s noise ({noise})</source>
        <translation>± 一位评委的误差（{noise}）</translation>
    </message>
</context>
<context>
    <name>CuspTab</name>
    <message>
        <source>{n} cases are within one judge&apos;s noise of a boundary.</source>
        <translation>共 {n} 个案例与获奖或晋级边界的分差在一位评委的误差之内。</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Draw lots — {round}</source>
        <translation>抽签 — {round}</translation>
    </message>
    <message>
        <source>These cases are equal on every step of the tie-break chain. A draw orders each tie by SHA-256 of “seed:case id”, so anyone can redo it; the seed and the order are recorded in the audit log.</source>
        <translation>以下案例在同分比较的每一步都相同。抽签按“种子:案例序号”的 SHA-256 值排序，任何人都可以复核；种子和抽签结果记入审计日志。</translation>
    </message>
    <message>
        <source>empty: a random seed</source>
        <translation>留空：随机生成种子</translation>
    </message>
    <message>
        <source>Seed (e.g. read out in the hall)</source>
        <translation>种子（可现场宣读）</translation>
    </message>
    <message>
        <source>Draw lots</source>
        <translation>抽签</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the results</source>
        <translation>导出评审结果</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>奖状</translation>
    </message>
    <message>
        <source>In Chinese, with the fonts embedded: a workbook with a sheet per group (each judge&apos;s mark as 评委1…N), a PDF report with the method, the tables and the consistency chart, and a certificate per award.</source>
        <translation>中文导出，字体已嵌入：Excel 工作簿（每个分组一张表，各评委评分列为评委1…N）、PDF 评审报告（计分方法、各组结果表和评委一致性图）以及每个奖项的奖状。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Workbook: {name}</source>
        <translation>工作簿：{name}</translation>
    </message>
    <message>
        <source>PDF report: {name}</source>
        <translation>PDF 报告：{name}</translation>
    </message>
    <message>
        <source>Certificates: a PDF per award in {name}</source>
        <translation>奖状：每个奖项一个 PDF，存放在“{name}”文件夹中</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to which folder?</source>
        <translation>导出到哪个文件夹？</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override an award — {round}</source>
        <translation>调整奖项 — {round}</translation>
    </message>
    <message>
        <source>The organizer&apos;s word on an award is final: the override is recorded in the audit log and shown, with its reason, in the results, the workbook and the report.</source>
        <translation>奖项以组委会的决定为准：调整记入审计日志，并连同理由显示在评审结果、工作簿和报告中。</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授予</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>奖项</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Why? (required; shown in every export)</source>
        <translation>理由（必填，将显示在所有导出文件中）</translation>
    </message>
    <message>
        <source>Record the override</source>
        <translation>记录调整</translation>
    </message>
    <message>
        <source>The hospital holds this award now.</source>
        <translation>该医院目前获得此奖项。</translation>
    </message>
    <message>
        <source>The hospital does not hold this award now.</source>
        <translation>该医院目前未获得此奖项。</translation>
    </message>
    <message>
        <source>The case holds this award now.</source>
        <translation>该案例目前获得此奖项。</translation>
    </message>
    <message>
        <source>The case does not hold this award now.</source>
        <translation>该案例目前未获得此奖项。</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>= {rank}</source>
        <extracomment>The case&apos;s id (int) for any cell. A value that sorts the column (numbers by value; missing last). The whole ``RankedCase`` for any cell. Award filter values that are not award keys. Sorts after every real score or rank. Columns before the judges&apos; marks, by key; the marks follow as ``judge`` columns.</extracomment>
        <translation>并列 {rank}</translation>
    </message>
    <message>
        <source>{award} (override)</source>
        <translation>{award}（调整）</translation>
    </message>
    <message>
        <source>{award} withdrawn</source>
        <translation>{award}（已撤销）</translation>
    </message>
    <message>
        <source>{award}: draw needed</source>
        <translation>{award}：待抽签</translation>
    </message>
    <message>
        <source>Tied across the award&apos;s boundary: the places wait for a recorded draw.</source>
        <translation>在获奖名额边界上并列：名额待抽签决定。</translation>
    </message>
    <message>
        <source>Normalised: {value}</source>
        <translation>标准化后：{value}</translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <source>Find a case, hospital or region…</source>
        <extracomment>The case title keeps at least this many characters&apos; width, however many judges there are. The selected case (``RankedCase``) or None.</extracomment>
        <translation>查找案例、医院或赛区…</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>{group} ({n} cases)</source>
        <translation>{group}（{n} 个案例）</translation>
    </message>
    <message>
        <source>Waiting for a draw</source>
        <translation>待抽签</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>已调整</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} / {total} 个案例</translation>
    </message>
</context>
<context>
    <name>RecordsTab</name>
    <message>
        <source>No draw recorded.</source>
        <extracomment>Shows the page&apos;s &quot;override a season award&quot; action (``ResultsActions.season_override``).</extracomment>
        <translation>无抽签记录。</translation>
    </message>
</context>
<context>
    <name>ResultsActions</name>
    <message>
        <source>{group}: {cases} share rank {rank} ({note})</source>
        <extracomment>Folder the last export went to.</extracomment>
        <translation>{group}：{cases} 并列第 {rank} 名（{note}）</translation>
    </message>
    <message>
        <source>← Cases</source>
        <extracomment>The files the last export wrote, and the last verification&apos;s report.</extracomment>
        <translation>← 案例</translation>
    </message>
    <message>
        <source>Back to the case table</source>
        <translation>返回案例列表</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the results again</source>
        <translation>重新读取评审结果</translation>
    </message>
    <message>
        <source>Draw lots…</source>
        <translation>抽签…</translation>
    </message>
    <message>
        <source>Settle the open ties by a recorded draw</source>
        <translation>以留档抽签决定尚未分出的并列</translation>
    </message>
    <message>
        <source>Override an award…</source>
        <translation>调整奖项…</translation>
    </message>
    <message>
        <source>Grant or withdraw an award, with a reason</source>
        <translation>授予或撤销奖项，须写明理由</translation>
    </message>
    <message>
        <source>Override a season award…</source>
        <translation>调整赛季奖项…</translation>
    </message>
    <message>
        <source>Grant or withdraw an award to a hospital, with a reason</source>
        <translation>授予或撤销医院奖项（如最佳组织奖），须写明理由</translation>
    </message>
    <message>
        <source>Import votes…</source>
        <translation>导入投票…</translation>
    </message>
    <message>
        <source>Public vote counts from a sheet</source>
        <translation>从表格导入网络投票数</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Workbook, PDF report, certificates</source>
        <translation>工作簿、PDF 报告、奖状</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>核验…</translation>
    </message>
    <message>
        <source>Recompute every result from the signed bundles</source>
        <translation>用签名评分包重算全部结果</translation>
    </message>
    <message>
        <source>Change the scoring method</source>
        <translation>更改计分方法</translation>
    </message>
    <message>
        <source>Score the {round} by “{method}”? Every rank and award of the round is recomputed; the change is recorded in the audit log.</source>
        <translation>将{round}的计分方法改为“{method}”？本轮所有排名和奖项将重新计算，更改记入审计日志。</translation>
    </message>
    <message>
        <source>Could not change the scoring method</source>
        <translation>无法更改计分方法</translation>
    </message>
    <message>
        <source>Could not record the draw</source>
        <translation>无法记录抽签</translation>
    </message>
    <message>
        <source>Could not record the override</source>
        <translation>无法记录奖项调整</translation>
    </message>
    <message>
        <source>Could not import the votes</source>
        <translation>无法导入投票</translation>
    </message>
    <message>
        <source>Wrote {n} files to {folder}</source>
        <translation>已写出 {n} 个文件到 {folder}</translation>
    </message>
    <message>
        <source>Could not export the results</source>
        <translation>无法导出评审结果</translation>
    </message>
    <message>
        <source>Writing the workbook, the report and the certificates…</source>
        <translation>正在生成工作簿、报告和奖状…</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>导出评审结果</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Could not verify the results</source>
        <translation>无法核验评审结果</translation>
    </message>
    <message>
        <source>Reading every signed bundle and recomputing each round…</source>
        <translation>正在读取所有签名评分包并逐轮重算…</translation>
    </message>
    <message>
        <source>Verify the results</source>
        <translation>核验评审结果</translation>
    </message>
</context>
<context>
    <name>ResultsHook</name>
    <message>
        <source>Results</source>
        <extracomment>Name of the action in ``MainWindow.named_actions``.</extracomment>
        <translation>评审结果</translation>
    </message>
    <message>
        <source>Rankings, awards, exports, verification</source>
        <translation>排名、奖项、导出与核验</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Results</source>
        <extracomment>Every hospital with its case count (the subjects of a season award&apos;s override). A sentence for the status bar. A load finished and the page shows it.</extracomment>
        <translation>评审结果</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Judge consistency</source>
        <translation>评委一致性</translation>
    </message>
    <message>
        <source>Cusp list</source>
        <translation>临界案例</translation>
    </message>
    <message>
        <source>Draws and overrides</source>
        <translation>抽签与调整</translation>
    </message>
    <message>
        <source>How the judges&apos; totals become the round&apos;s score (audited)</source>
        <translation>评委总分如何计为本轮得分（更改记入审计日志）</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Scoring method</source>
        <translation>计分方法</translation>
    </message>
    <message>
        <source>Could not read the results</source>
        <translation>无法读取评审结果</translation>
    </message>
    <message>
        <source>{competition} · Season {season}</source>
        <translation>{competition} · {season} 年度</translation>
    </message>
    <message>
        <source>No round has results yet: assign a round and merge the judges&apos; score bundles.</source>
        <translation>还没有任何轮次的评审结果：请先分配评审并合并评委的评分包。</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>正在读取评审结果…</translation>
    </message>
    <message>
        <source>{ties} cases share a rank and {n} award places wait for a draw: use “Draw lots…”.</source>
        <translation>{ties} 个案例名次并列，{n} 个获奖名额待抽签：请使用“抽签…”。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verification from the signed bundles</source>
        <translation>用签名评分包核验</translation>
    </message>
    <message>
        <source>Recomputed every result from {bundles} signed bundles ({rounds}): everything matches.</source>
        <translation>已用 {bundles} 份签名评分包重算全部结果（{rounds}）：完全一致。</translation>
    </message>
    <message>
        <source>Recomputed every result from {bundles} signed bundles ({rounds}): {n} differences, listed by case below. A difference no audited override explains means a stored score was changed.</source>
        <translation>已用 {bundles} 份签名评分包重算全部结果（{rounds}）：发现 {n} 处不一致，按案例列在下方。凡不能由留档的奖项调整解释的不一致，说明存储的分数被改动过。</translation>
    </message>
</context>
<context>
    <name>VotesDialog</name>
    <message>
        <source>Import public votes</source>
        <translation>导入网络投票</translation>
    </message>
    <message>
        <source>A sheet (.xlsx or .csv) with each case&apos;s code and its vote count. Votes never enter the expert scores: they decide the public-vote awards. The import is recorded in the audit log.</source>
        <translation>表格（.xlsx 或 .csv）中需有每个案例的编号和网络投票数。投票不计入专家评分，只决定网络投票类奖项。导入记入审计日志。</translation>
    </message>
    <message>
        <source>Choose a sheet…</source>
        <translation>请选择表格…</translation>
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
        <source>Sheets (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{rows} rows in {name}.</source>
        <translation>{name} 共 {rows} 行。</translation>
    </message>
</context>
</TS>
