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

        for figure in (
            RecordFigure(
                key="p3-07.gsef.members",
                programme="P3-07",
                label="GSEF 회원 도시·단체",
                unit="개",
                page="economy:members",
                count=lambda *, year, as_of: selectors.member_count(on=as_of),
            ),
            RecordFigure(
                key="p3-07.dialogue.asia.cities",
                programme="P3-07",
                label="제5차 아시아 정책대화 참석 도시·단체",
                unit="개",
                page="economy:dialogues",
                count=dialogue("GSEF-ASIA-5", "cities"),
            ),
            RecordFigure(
                key="p3-07.dialogue.asia.participants",
                programme="P3-07",
                label="제5차 아시아 정책대화 참석 인원",
                unit="명",
                page="economy:dialogues",
                count=dialogue("GSEF-ASIA-5", "participants"),
            ),
            RecordFigure(
                key="p3-07.forum.cities",
                programme="P3-07",
                label="GSEF 2018 포럼 참석 도시·단체(예상)",
                unit="개",
                page="economy:dialogues",
                count=dialogue("GSEF-2018", "cities"),
            ),
            RecordFigure(
                key="p3-07.forum.participants",
                programme="P3-07",
                label="GSEF 2018 포럼 참석 인원(예상)",
                unit="명",
                page="economy:dialogues",
                count=dialogue("GSEF-2018", "participants"),
            ),
            RecordFigure(
                key="p3-02.spaces",
                programme="P3-02",
                label="사회적경제 활성화 공간",
                unit="개소",
                page="economy:spaces",
                count=spaces("clusters"),
            ),
            RecordFigure(
                key="p3-02.centres.year4",
                programme="P3-02",
                label="자치구 사회적경제 통합지원센터 4년차",
                unit="개소",
                page="economy:spaces",
                count=spaces("centres_year4"),
            ),
            RecordFigure(
                key="p3-02.special-zones",
                programme="P3-02",
                label="사회적경제특구 본사업 자치구",
                unit="개구",
                page="grants:ecosystem_list",
                count=zones("main"),
            ),
            RecordFigure(
                key="p3-02.zones.year3",
                programme="P3-02",
                label="사회적경제특구 3년차",
                unit="개소",
                page="grants:ecosystem_list",
                count=zones("year3"),
            ),
            RecordFigure(
                key="p3-06.criteria",
                programme="P3-06",
                label="공정무역도시 인증 기준 달성",
                unit="개",
                page="economy:fair_trade",
                count=lambda *, year, as_of: selectors.criteria_met_count(as_of=as_of),
            ),
        ):
            record_figure_register(figure)
