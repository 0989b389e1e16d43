# SPDX-License-Identifier: Apache-2.0
"""What the intake says about a case and about a source, in zh and en: one sentence per kind of finding.

A finding is stored as its code and its detail (data); its sentence is said from here when someone
reads it, in the reader's language (``app.intake.finding_text``). A code with several causes has one
sentence per cause, keyed ``code.reason`` (the detail's ``reason``); ``code`` alone is the sentence for
any other cause. Adding a kind of finding is one line in :data:`MESSAGES` (and its short name in
``app.glossary.terms.FINDINGS``); ``tests/app/test_glossary_phrases.py`` checks both languages name the
same placeholders.
"""

from __future__ import annotations

from typing import Final

from app.glossary import Term

#: One sentence per kind of finding (``app.intake.findings.CODES``), keyed ``code`` or ``code.reason``.
MESSAGES: Final[dict[str, Term]] = {
    # the sheet's text
    "province_unknown": Term("省份“{province}”无法识别。", "Province “{province}” is not recognised."),
    "theme_unknown": Term("主题“{theme}”无法识别。", "Theme “{theme}” is not recognised."),
    "tier_unknown": Term("组别“{tier}”无法识别。", "Tier “{tier}” is not recognised."),
    "category_unknown": Term("类别“{category}”无法识别。", "Category “{category}” is not recognised."),
    "recommendation_too_long": Term(
        "推荐理由共 {chars} 字，超过 {max} 字的上限。",
        "The recommendation has {chars} characters; the limit is {max}.",
    ),
    "recommendation_missing": Term(
        "缺少推荐理由（本届为必交材料）。", "The recommendation is missing (required this season)."
    ),
    "votes_invalid": Term("网络投票数“{votes}”不是整数。", "Votes “{votes}” is not a whole number."),
    "title_missing": Term("缺少案例名称。", "The case has no title."),
    "submitted_at_invalid": Term(
        "提交时间“{submitted_at}”无法识别，按导入时间计算审核期限。",
        "Submission time “{submitted_at}” cannot be read; the screening deadline counts from the import.",
    ),
    "text_control_chars": Term(
        "表格中{columns}的文字含有控制字符（如 NUL），已删除后保存，请核对原文。",
        "The sheet's {columns} held control characters (such as NUL); they were removed. Check the "
        "original text.",
    ),
    "check_failed": Term(
        "检查此案例时出错（{step}）：{error}。请核对其文件后重新检查。",
        "Checking this case failed ({step}): {error}. Check its files, then check again.",
    ),
    # the slides
    "pdf_missing.not_given": Term("表格中没有填写 PPT 文件。", "The sheet names no slides file."),
    "pdf_missing.outside": Term(
        "PPT 文件路径“{path}”无效：{why}。", "The slides path “{path}” is not valid: {why}."
    ),
    "pdf_missing.refused": Term(
        "PPT 文件“{path}”未被读取：{why}。", "The slides file “{path}” was not read: {why}."
    ),
    "pdf_missing.unreadable": Term(
        "PPT 文件“{path}”无法读取：{why}。", "The slides file “{path}” cannot be read: {why}."
    ),
    "pdf_missing": Term("找不到 PPT 文件“{path}”。", "The slides file “{path}” is not there."),
    "pdf_too_large": Term(
        "PPT 文件 {size}，超过 {max} 的上限。", "The slides file is {size}, over the {max} limit."
    ),
    "pdf_corrupt.timeout": Term("PPT 文件读取超时。", "Reading the slides took too long."),
    "pdf_corrupt.crashed": Term("PPT 文件读取时解析程序崩溃。", "The PDF reader crashed on the slides."),
    "pdf_corrupt.memory": Term("PPT 文件读取时内存超出限制。", "Reading the slides ran out of memory."),
    "pdf_corrupt.unreadable": Term(
        "PPT 文件无法打开（不是有效的 PDF 文件）。", "The slides cannot be opened (not a valid PDF)."
    ),
    "pdf_corrupt.encrypted": Term(
        "PPT 文件已加密，需要密码才能打开。", "The slides are encrypted: they need a password to open."
    ),
    "pdf_corrupt.truncated": Term(
        "PPT 文件不完整（可能上传中断）。", "The slides file is incomplete (the upload may have broken off)."
    ),
    "pdf_corrupt.no_pages": Term("PPT 文件中没有页面。", "The slides file has no pages."),
    "pdf_corrupt.damaged": Term("PPT 文件已损坏。", "The slides file is damaged."),
    "pdf_corrupt.damaged_pages": Term("PPT 文件{pages}无法读取。", "The slides cannot be read on {pages}."),
    "pdf_corrupt": Term("PPT 文件无法读取。", "The slides cannot be read."),
    "font_too_small": Term(
        "PPT 中有小于 {min_pt:g} 号的文字：{pages}，"
        "最小 {smallest_pt:g} 号（第 {smallest_page} 页“{sample}”）。",
        "Text smaller than {min_pt:g} pt on {pages}; the smallest is {smallest_pt:g} pt (page "
        "{smallest_page}: “{sample}”).",
    ),
    "page_count_unusual": Term(
        "PPT 共 {pages_total} 页，与建议的 {suggested} 页结构相差较大。",
        "The slides have {pages_total} pages, far from the suggested {suggested}.",
    ),
    "pages_not_16_9": Term("PPT {pages}不是 16:9 的页面。", "The slides are not 16:9 on {pages}."),
    "pages_not_slide_shaped": Term(
        "PPT {pages}不是幻灯片比例（如第 {first} 页为 {width:g}×{height:g} 磅），"
        "字号按导出后的页面计算，未做缩放。",
        "The slides are not slide-shaped on {pages} (page {first} is {width:g}×{height:g} pt); font sizes "
        "are measured on the pages as exported, not scaled.",
    ),
    "pdf_no_text": Term(
        "PPT 中没有可提取的文字（可能是图片或扫描件），无法检查字号。",
        "The slides hold no text to read (images or a scan?), so font sizes cannot be checked.",
    ),
    "pdf_blank_pages": Term("PPT {pages}是空白页。", "The slides are blank on {pages}."),
    "pdf_repaired": Term(
        "PPT 文件的内部结构有误，已自动修复后检查；建议重新导出。",
        "The slides file was faulty inside; it was repaired, then checked. Export it again if you can.",
    ),
    # the video
    "video_missing.not_given": Term(
        "缺少视频文件（本届为必交材料）。", "The video is missing (required this season)."
    ),
    "video_missing.outside": Term(
        "视频文件路径“{path}”无效：{why}。", "The video path “{path}” is not valid: {why}."
    ),
    "video_missing.refused": Term(
        "视频文件“{path}”未被读取：{why}。", "The video file “{path}” was not read: {why}."
    ),
    "video_missing.unreadable": Term(
        "视频文件“{path}”无法读取：{why}。", "The video file “{path}” cannot be read: {why}."
    ),
    "video_missing": Term("找不到视频文件“{path}”。", "The video file “{path}” is not there."),
    "no_video": Term("未提交视频（本届为自愿提交）。", "No video (optional this season)."),
    "video_too_large": Term(
        "视频文件 {size}，超过 {max} 的上限。", "The video file is {size}, over the {max} limit."
    ),
    "video_not_mp4.timeout": Term(
        "视频文件读取超时，无法确认为 {expected} 格式。",
        "Reading the video took too long, so it is not known to be {expected}.",
    ),
    "video_not_mp4.crashed": Term(
        "视频文件读取时解析程序崩溃，无法确认为 {expected} 格式。",
        "The video reader crashed on it, so it is not known to be {expected}.",
    ),
    "video_not_mp4.memory": Term(
        "视频文件读取时内存超出限制，无法确认为 {expected} 格式。",
        "Reading the video ran out of memory, so it is not known to be {expected}.",
    ),
    "video_not_mp4.unreadable": Term(
        "视频文件的内容不是视频，不是 {expected} 格式。",
        "The video file holds no video, so it is not {expected}.",
    ),
    "video_not_mp4.container": Term(
        "视频文件不是 {expected} 格式（实际为 {actual}）。", "The video is not {expected} (it is {actual})."
    ),
    "video_not_mp4.no_video_stream": Term(
        "视频文件中没有画面（只有声音或为空）。", "The video file has no picture (sound only, or empty)."
    ),
    "video_not_mp4": Term(
        "视频文件无法读取，无法确认为 {expected} 格式。",
        "The video cannot be read, so it is not known to be {expected}.",
    ),
    "video_extension": Term(
        "视频内容是 {expected}，但文件名是 {name}。", "The video is {expected}, but its file name is {name}."
    ),
    "video_too_long": Term(
        "视频时长 {seconds}，超过 {max}的上限。", "The video runs {seconds}, over the {max} limit."
    ),
    "video_not_16_9": Term(
        "视频画面比例为 {ratio}（{width}×{height}{rotated}），不是 {expected}。",
        "The video picture is {ratio} ({width}×{height}{rotated}), not {expected}.",
    ),
    "video_low_res": Term(
        "视频分辨率 {width}×{height}，低于标清（{min_height} 行）。",
        "The video is {width}×{height}, below SD ({min_height} lines).",
    ),
    # across cases
    "hospital_name_inconsistent": Term(
        "医院名称“{spelling}”与同省的“{likely}”（{count} 个案例）疑为同一医院，请统一使用医院全称。",
        "“{spelling}” looks like “{likely}” ({count} cases) of the same province: use one full name for "
        "one hospital.",
    ),
    "duplicate_theme": Term(
        "“{hospital}”在主题{theme}中有 {n} 个案例（另有 {others}），每个医院每个主题限 1 个。",
        "“{hospital}” has {n} cases in theme {theme} (also {others}); a hospital may send one per theme.",
    ),
}

#: Problems of a source as a whole (``app.intake.findings.SourceProblem``), keyed ``code[.reason]``.
SOURCE_PROBLEMS: Final[dict[str, Term]] = {
    "row_without_case_id": Term("第 {row} 行没有案例编号，已跳过。", "Row {row} has no case ID: skipped."),
    "duplicate_case_id": Term(
        "第 {row} 行的案例编号 {case_id} 与第 {first_row} 行重复，已跳过。",
        "Row {row} repeats case ID {case_id} of row {first_row}: skipped.",
    ),
    "zip_entry_refused": Term("压缩包条目“{entry}”已拒绝：{why}", "Zip entry “{entry}” refused: {why}."),
    "zip_entry_refused.unpack": Term(
        "压缩包条目“{entry}”无法解压：{error}", "Zip entry “{entry}” cannot be unpacked: {error}"
    ),
    "zip_entry_corrupt": Term(
        "压缩包条目“{entry}”已损坏：{error}", "Zip entry “{entry}” is damaged: {error}"
    ),
    "case_not_stored.unreadable": Term(
        "案例 {case_id} 的文件在检查后无法读取（{error}），未导入；修复后重新导入即可。",
        "The files of case {case_id} could not be read after the check ({error}), so it was not "
        "imported. Fix them and import again.",
    ),
    "case_not_stored": Term(
        "案例 {case_id} 保存时出错（{error}），未导入；其他案例已导入。",
        "Case {case_id} could not be saved ({error}) and was not imported; the other cases were.",
    ),
}

#: Why a file a sheet names cannot be used (``app.intake.source.Located.why``, a zip entry's refusal).
WHY: Final[dict[str, Term]] = {
    "control_chars": Term("文件名中有控制字符", "the name holds control characters"),
    "path_outside": Term("路径指向案例文件夹之外", "it points outside the case folder"),
    "link_outside": Term("文件是指向案例文件夹之外的链接", "it is a link to outside the case folder"),
    "folder": Term("这是一个文件夹，不是文件", "it is a folder, not a file"),
    "not_regular": Term("不是普通文件（可能是管道或设备）", "it is not a regular file (a pipe or a device?)"),
    "os_error": Term("{error}", "{error}"),
    "entry_outside": Term("条目路径指向文件夹之外", "its path points outside the folder"),
    "entry_symlink": Term("条目是符号链接", "it is a symbolic link"),
    "entry_encrypted": Term("条目已加密", "it is encrypted"),
    "entry_duplicate": Term("条目重复", "it appears twice"),
    "entry_corrupt": Term("条目已损坏", "it is damaged"),
    "entry_unpack": Term("无法解压：{error}", "it could not be unpacked: {error}"),
}

#: The submission sheet's columns (``app.intake.columns.COLUMNS``), as a message names them.
COLUMN_NAMES: Final[dict[str, Term]] = {
    "case_id": Term("案例编号", "case ID"),
    "hospital": Term("医院名称", "hospital"),
    "province": Term("省份", "province"),
    "tier": Term("组别", "tier"),
    "category": Term("类别", "category"),
    "theme": Term("主题", "theme"),
    "title": Term("案例名称", "title"),
    "recommendation": Term("推荐理由", "recommendation"),
    "pdf": Term("PPT文件", "slides file"),
    "video": Term("视频文件", "video file"),
    "votes": Term("网络投票", "votes"),
    "submitted_at": Term("提交时间", "submission time"),
}

#: The steps of one case's checks (``check_failed``'s ``step``).
CHECK_STEPS: Final[dict[str, Term]] = {
    "resolve": Term("识别省份与主题", "reading the province and theme"),
    "fields": Term("表格内容", "the sheet's text"),
    "pdf": Term("PPT 文件", "the slides"),
    "video": Term("视频文件", "the video"),
}

#: A rejection reason drawn from the findings (``app.intake.screening.reason_templates``): a note to the
#: hospital, written in Chinese as the rejections sheet is, whatever the interface's language.
REJECTION_REASON: Final = Term("未通过初审：{reason}", "Not accepted at screening: {reason}")

#: Small words the sentences above are built with.
WORDS: Final[dict[str, Term]] = {
    "empty": Term("（空）", "(empty)"),
    "pages": Term("第 {pages} 页", "pages {pages}"),
    "page": Term("第 {pages} 页", "page {pages}"),
    "pages_more": Term("第 {pages} 页等 {total} 页", "pages {pages} ({total} in all)"),
    "seconds": Term("{seconds:g} 秒", "{seconds:g} s"),
    "minutes": Term("{minutes} 分钟", "{minutes} min"),
    "minutes_seconds": Term("{minutes} 分 {seconds} 秒", "{minutes} min {seconds} s"),
    "rotated": Term("，旋转 {degrees}°", ", turned {degrees}°"),
    "unknown_format": Term("未知", "unknown"),
}
