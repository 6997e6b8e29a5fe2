"""intake pages, by what they serve: calls.py (the office's call pages and the eligibility check), review.py
(scores, the review sheet, conflicts, the document review's cut), selection.py (selection, confirmation, declines,
the waiting list), paper.py (paper applications one by one or from an xlsx sheet), portal.py (a citizen's and an
organisation's applications) and documents.py (an uploaded document's download). urls.py names each module."""
