from django.apps import AppConfig


class EconomyConfig(AppConfig):
    name = "iljari.economy"
    label = "economy"
    verbose_name = "사회적경제 연대·판로"

    def ready(self) -> None:
        # deferred: models load only once the app registry is ready
        from iljari.core.history import track
        from iljari.economy import models, selectors
        from iljari.performance.record_figures import RecordFigure, record_figure_register

        for model in (
            models.NetworkMember,
            models.MemberDues,
            models.PolicyDialogue,
            models.FairTradeCriterion,
            models.CriterionEvidence,
            models.FairTradeCertification,
            models.Space,
            models.SpaceUse,
            models.Tenancy,
            models.SpaceProgramme,
            models.SalesChannel,
            models.ChannelSale,
        ):
            track(model)

        def dialogue(code: str, field: str):
            return lambda *, year, as_of: selectors.dialogue_count(code=code, year=year, field=field)

        def spaces(key: str):
            return lambda *, year, as_of: selectors.space_counts(year=year, as_of=as_of)[key]

        def zones(key: str):
            return lambda *, year, as_of: selectors.zone_counts(year=year, as_of=as_of)[key]

        # the report's counts these records give (performance.record_figures): key, label, unit, page, count
        figures = (
            ("p3-07.gsef.members", "GSEF 회원 도시·단체", "개", "economy:members",
             lambda *, year, as_of: selectors.member_count(on=as_of)),
            ("p3-07.dialogue.asia.cities", "제5차 아시아 정책대화 참석 도시·단체", "개", "economy:dialogues",
             dialogue("GSEF-ASIA-5", "cities")),
            ("p3-07.dialogue.asia.participants", "제5차 아시아 정책대화 참석 인원", "명", "economy:dialogues",
             dialogue("GSEF-ASIA-5", "participants")),
            ("p3-07.forum.cities", "GSEF 2018 포럼 참석 도시·단체(예상)", "개", "economy:dialogues",
             dialogue("GSEF-2018", "cities")),
            ("p3-07.forum.participants", "GSEF 2018 포럼 참석 인원(예상)", "명", "economy:dialogues",
             dialogue("GSEF-2018", "participants")),
            ("p3-02.spaces", "사회적경제 활성화 공간", "개소", "economy:spaces", spaces("clusters")),
            ("p3-02.centres.year4", "자치구 사회적경제 통합지원센터 4년차", "개소", "economy:spaces",
             spaces("centres_year4")),
            ("p3-02.special-zones", "사회적경제특구 본사업 자치구", "개구", "grants:ecosystem_list", zones("main")),
            ("p3-02.zones.year3", "사회적경제특구 3년차", "개소", "grants:ecosystem_list", zones("year3")),
            ("p3-06.criteria", "공정무역도시 인증 기준 달성", "개", "economy:fair_trade",
             lambda *, year, as_of: selectors.criteria_met_count(as_of=as_of)),
        )  # fmt: skip
        for key, label, unit, page, count in figures:
            record_figure_register(
                RecordFigure(key=key, programme=key[:5].upper(), label=label, unit=unit, page=page, count=count)
            )
