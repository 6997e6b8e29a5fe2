"""Forms shared by the figure pages: period filter and the xlsx upload."""

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(KrdsFormMixin, forms.Form):
    file = forms.FileField(label="엑셀 파일(.xlsx)", help_text="내려받은 양식을 고쳐서 올립니다. 5MB까지.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("엑셀(.xlsx) 파일만 올릴 수 있습니다.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("파일이 5MB보다 큽니다.")
        return upload


class PeriodForm(KrdsFormMixin, forms.Form):
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    as_of = forms.DateField(label="기준일", widget=DateInput())
