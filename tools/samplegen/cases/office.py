"""The form sets written in office formats: office_NN <- the forms of a PDF sample."""
from cases.base import gbk_01, national_01, national_02, notounicode_01


SETS = [
    ("office_01", national_02(), "national_02: central/local funds, 3,013.00 and 99.22% as formatted numbers"),
    ("office_02", gbk_01() + notounicode_01(), "gbk_01 + notounicode_01: Shanghai template"),
    ("office_03", national_01(), "national_01: two national forms, the long one breaks across pages in docx"),
]
