"""The whole 2018 demo (`iljari demo`'s parts, loaded once for the module in a transaction rolled back at its end,
about half a minute) gives back every count the report prints that an app registered (performance.record_figures):
for 2018 as of '18.6.30., each registered figure with a printed value equals it.

The first test is generic over the registry (it covers every app's registrations, those added later too) and names
the figures that agree; the second holds the values registered by the existing apps, typed from the report's text
(part Ⅲ), never read from the code."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from iljari.performance.record_figures import record_figure_rows

AS_OF = date(2018, 6, 30)

# Typed from the report (Ⅲ, the 2018 주요업무보고), in its printed units.
PRINTED = {
    # 1-① 서울형 강소기업: "(접수) 541개 → (서면심사) 241개 통과 → (면접) 100개 선정(예정)", "선정계획(100개)"
    "p1-01.call.applied": 541,
    "p1-01.call.documents": 241,
    "p1-01.call.planned": 100,
    # 1-② 청년일자리센터: "13,869명 상담 …, 1,785명 취업", "205회, 2,000명", "22,253명", "스터디룸 14,310명, … 7,943명"
    "p1-02.counselled": 13_869,
    "p1-02.employed": 1_785,
    "p1-02.programmes.sessions": 205,
    "p1-02.programmes.attendees": 2_000,
    "p1-02.space": 22_253,
    "p1-02.space.study": 14_310,
    "p1-02.space.rental": 7_943,
    # 1-② 운영개요: "스터디룸 13, 멘토링실 5, 세미나실 1"
    "p1-02.rooms.study": 13,
    "p1-02.rooms.mentoring": 5,
    "p1-02.rooms.seminar": 1,
    # 1-② "「직무·기업분석 전문 상담창구」신설·운영 ('18, 6월) : 36명 참여"
    "p1-02.analysis-desk": 36,
    # 1-③ 뉴딜일자리: "944명 모집 6617명 지원"
    "p1-03.first-call.quota": 944,
    "p1-03.first-call.applied": 6_617,
    # 1-⑤ 시-구 협력: "23개 자치구 75개 사업 (… 계속사업 50개, … 신규사업 25개)", "총 2,573개 일자리 창출 (청년 1,286,
    # 신중년 734, 여성 260, 어르신 91, 기타 202)"
    "p1-05.districts": 23,
    "p1-05.projects": 75,
    "p1-05.projects.continued": 50,
    "p1-05.projects.new": 25,
    "p1-05.jobs": 2_573,
    "p1-05.jobs.youth": 1_286,
    "p1-05.jobs.new-middle-aged": 734,
    "p1-05.jobs.women": 260,
    "p1-05.jobs.seniors": 91,
    "p1-05.jobs.other": 202,
    # 1-⑥ 공공근로: "총 10.109명(시 990명, 자치구 9.119명)", "상반기 … 4.951명(시 142개 사업장 484명 / 구 1.714개 사업장
    # 4.467명)", "하반기 … 5,158명(시 148개사업장 506명 / 구 1,465개사업장 4,652명)"
    "p1-06.participants": 10_109,
    "p1-06.participants.city": 990,
    "p1-06.participants.district": 9_119,
    "p1-06.h1": 4_951,
    "p1-06.h1.city": 484,
    "p1-06.h1.district": 4_467,
    "p1-06.h1.city.worksites": 142,
    "p1-06.h1.district.worksites": 1_714,
    "p1-06.h2": 5_158,
    "p1-06.h2.city": 506,
    "p1-06.h2.district": 4_652,
    "p1-06.h2.city.worksites": 148,
    "p1-06.h2.district.worksites": 1_465,
    # 1-⑦ 기술교육원: "'18.6.30. 기준 총 4,046명 훈련중(서울시 과정 2,912명, 국가 과정 1,134명)"
    "p1-07.training": 4_046,
    "p1-07.training.city": 2_912,
    "p1-07.training.national": 1_134,
    # 2-① 정규직화: "서울교통공사 1.285명 … 완료", "잔여 무기계약직 1.067명", "기간제 근로자 146명(시 107. 투출 39)"
    "p2-01.indefinite.done": 1_285,
    "p2-01.indefinite.remaining": 1_067,
    "p2-01.converted": 146,
    "p2-01.converted.city": 107,
    "p2-01.converted.agencies": 39,
    # 2-① "※ 6.29일 서울주택도시공사, 비정규직 임대주택관리원 384명을 정규직 전환하기로 노사합의"
    "p2-01.sh.agreed": 384,
    # 2-② 노동시간: "2년간 총151시간 단축(2,275시간(15년) → 2,124시간(17년))"
    "p2-02.reduced": 151,
    "p2-02.hours.2015": 2_275,
    "p2-02.hours.2017": 2_124,
    # 2-④ 노사민정 아카데미: "총 84명 수료 완료"
    "p2-04.academy.completed": 84,
    # 2-⑤ 쉼터: "일평균 70명 / 57명 / 48명", "'17년 127명 → '18년 175명"
    "p2-05.daily.seocho": 70,
    "p2-05.daily.bukchang": 57,
    "p2-05.daily.hapjeong": 48,
    "p2-05.daily.2017": 127,
    "p2-05.daily.2018": 175,
    # 2-⑥ 노동권익: "무료노무상담 1,694건, 근로환경 컨설팅 120개소", "마을노무사 … (25명→ 50명)", "노동권리보호관 …
    # (35명→ 50명)", "노동실무 교육 시행 (3회)"
    "p2-06.ombudsman.consultations": 1_694,
    "p2-06.ombudsman.consultings": 120,
    "p2-06.village-attorneys": 50,
    "p2-06.advocates": 50,
    "p2-06.officials-training": 3,
    # 3-① 사회적경제기업: "총 4.199개(사회적기업 617개, 협동조합 3.265개, 마을기업 108개, 기타 209개)", "1,208개
    # 기업(3,992백만원) / 4,971명 (1,179백만원)", "111개 기업(2.400백만원)", "공공구매 실적(5월말) : 349억원"
    "p3-01.enterprises": 4_199,
    "p3-01.enterprises.social": 617,
    "p3-01.enterprises.cooperative": 3_265,
    "p3-01.enterprises.village": 108,
    "p3-01.enterprises.other": 209,
    "p3-01.wage.enterprises": 1_208,
    "p3-01.wage.amount": 3_992,
    "p3-01.insurance.people": 4_971,
    "p3-01.insurance.amount": 1_179,
    "p3-01.development.enterprises": 111,
    "p3-01.development.amount": 2_400,
    # "마을기업 … 예비 3개 기업, 총 23백만원 / 신규 6개 기업, 총 218백만원 / 2차년도 5개 기업 총 142백만원", "혁신형
    # 사업모델 지원 : 18개 기업, 총 633백만원"
    "p3-01.village.preliminary.enterprises": 3,
    "p3-01.village.preliminary.amount": 23,
    "p3-01.village.new.enterprises": 6,
    "p3-01.village.new.amount": 218,
    "p3-01.village.second.enterprises": 5,
    "p3-01.village.second.amount": 142,
    "p3-01.innovation.enterprises": 18,
    "p3-01.innovation.amount": 633,
    "p3-01.procurement.actual": 349,
    # 3-③ 사회투자기금: "'18년 기금규모(市 출연금) : 552억원", "채권잔액: 총 127건, 41,781백만원('18년 원금 회수액
    # 2,020백만원)", "6개 수행기관, 40억원"
    "p3-03.contributed": 552,
    "p3-03.outstanding.loans": 127,
    "p3-03.outstanding": 41_781,
    "p3-03.recovered": 2_020,
    "p3-03.intermediaries": 6,
    "p3-03.intermediaries.amount": 40,
    # 3-④ SIB 모의크라우드 펀딩대회: "14개 제안사업 중 8개 선정(1.27.)", "1.973명 참여. 총 211억원 모의금액 모집. 8개
    # 제안사업 중 5개 사업 시상(4.2.)"
    "p3-04.proposals": 14,
    "p3-04.proposals.selected": 8,
    "p3-04.proposals.funded": 8,
    "p3-04.proposals.awarded": 5,
    "p3-04.crowd.participants": 1_973,
    "p3-04.crowd.amount": 211,
    # 3-⑤ 소셜벤처: "운영 전문지원기관 공모, 5개기관 선정"
    "p3-05.accelerators": 5,
    # 3-⑥ 공정무역: "(7개 자치구, 150백만원)", "(6개 단체, 230백만원)"
    "p3-06.fairtrade-districts": 7,
    "p3-06.fairtrade-districts.amount": 150,
    "p3-06.fairtrade-ngos": 6,
    "p3-06.fairtrade-ngos.amount": 230,
    # Issue 28's records, typed from the same text:
    # 1-② "특성화고 직업 멘토스쿨 운영 : 3회 450명"
    "p1-02.mentor.sessions": 3,
    "p1-02.mentor.students": 450,
    # 1-⑦ "총 20명(위촉직 14명, 당연직 6)"; the four 기술교육원 of the table, 동·북·남부 going to the 시의회 동의안
    "p1-07.committee": 20,
    "p1-07.committee.appointed": 14,
    "p1-07.committee.ex-officio": 6,
    "p1-07.institutes": 4,
    "p1-07.institutes.renewal": 3,
    # 1-⑧ "노동전문가 및 노동조합, 시민 등 1,000명"
    "p1-08.participants": 1_000,
    # 2-④ "9개 사업 지원(2,496백만원)", "7개 사업 지원(470백만원)", "6월까지 1,157백만원", "9개사업 추진 중"
    "p2-04.fktu.budget": 2_496,
    "p2-04.fktu.disbursed": 1_157,
    "p2-04.fktu.projects": 9,
    "p2-04.fktu.projects-running": 9,
    "p2-04.kctu.budget": 470,
    "p2-04.kctu.projects": 7,
    # 3-① 사회적경제지원센터 "경영지원(200건)", "아카데미 교육 지원(8건)", "(51회)"; 협동조합지원센터 "맞춤상담 4.632건
    # 제공(일평균 38.6건)", "(10개과정, 1,277명)", "(창업코칭 27회, 성장 지원 33회 등)"; 주간 "15,000여명 시민참여"
    "p3-01.centre.management": 200,
    "p3-01.centre.academy": 8,
    "p3-01.centre.programmes": 51,
    "p3-01.coop.consultations": 4_632,
    "p3-01.coop.daily": Decimal("38.6"),
    "p3-01.coop.courses": 10,
    "p3-01.coop.trainees": 1_277,
    "p3-01.coop.coaching": 27,
    "p3-01.coop.growth": 33,
    "p3-01.week.participants": 15_000,
    # 3-② "('18년 현재 12개소)", "'18년 본사업 11개구", "특구 3년차 (6개소), … 통합지원센터 4년차 (8개소)"
    "p3-02.spaces": 12,
    "p3-02.special-zones": 11,
    "p3-02.zones.year3": 6,
    "p3-02.centres.year4": 8,
    # 3-④ "'18.6월 회원현황 : 서울시(의장도시), … 등 18개 지자체 및 행정안전부"
    "p3-04.council.local-governments": 18,
    # 3-⑥ "5개 기준 달성"; 3-⑦ "회원 도시·단체 43개('18.6월 기준)", "20여개 도시·단체 … 50여 명", "300여개 도시·단체에서
    # 1.500여명"
    "p3-06.criteria": 5,
    "p3-07.gsef.members": 43,
    "p3-07.dialogue.asia.cities": 20,
    "p3-07.dialogue.asia.participants": 50,
    "p3-07.forum.cities": 300,
    "p3-07.forum.participants": 1_500,
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
    ):
        from iljari.demo.loader import load_demo

        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            yield {row.figure.key: row for row in record_figure_rows(year=2018, as_of=AS_OF)}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_registered_figure_with_a_printed_value_agrees_with_the_records(db, demo):
    printed = {key: row for key, row in demo.items() if row.printed is not None}
    differing = {
        key: f"{row.value_text or '기록 없음'} ≠ 보고서 {row.printed_text}"
        for key, row in printed.items()
        if row.status != "agrees"
    }
    assert not differing, differing
    agreeing = sorted(printed)
    print(f"{len(agreeing)} figures agree as of {AS_OF}:", ", ".join(agreeing))  # noqa: T201 - the list, with -s
    assert len(agreeing) >= len(PRINTED)


@pytest.mark.parametrize("key", sorted(PRINTED))
def test_the_figure_counted_from_records_is_the_printed_one(db, demo, key):
    row = demo[key]
    assert row.value == Decimal(PRINTED[key]), (row.figure.label, row.value_text)
    assert row.printed == Decimal(PRINTED[key])  # and the transcription of the report says the same
    assert row.url, "every figure names the page where its records are kept"


def test_the_page_and_the_command_show_no_disagreement_on_the_demo(db, demo):
    from iljari.core.models import User

    client = Client()
    client.force_login(User.objects.get(username="manager"))
    page = client.get("/performance/record-figures/?year=2018&as_of=2018-06-30").content.decode()
    assert "불일치 0건" in page
    out = io.StringIO()
    call_command("record-figures", "--year", "2018", "--as-of", "2018-06-30", stdout=out)  # exit 0: no SystemExit
    assert "P1-07 훈련 중인 인원 4,046명 (보고서 4,046명, 일치) — /participation/training/" in out.getvalue()
