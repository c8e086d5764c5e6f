package org.portico.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CatalogDemoIntegrationTests extends IntegrationTestSupport {

	private static final List<OfferingCode> DEMO_CODES = List.of(DemoCatalog.INTERNET_300, DemoCatalog.INTERNET_500,
			DemoCatalog.INTERNET_1G, DemoCatalog.INTERNET_2G, DemoCatalog.TV_ESSENTIALS, DemoCatalog.TV_SELECT,
			DemoCatalog.TV_PREMIER, DemoCatalog.TV_MOVIES, DemoCatalog.TV_SPORTS, DemoCatalog.TV_LATINO,
			DemoCatalog.PHONE_UNLIMITED, DemoCatalog.PHONE_BASIC, DemoCatalog.VOICEMAIL, DemoCatalog.CALL_FORWARDING,
			DemoCatalog.CALLER_ID_BLOCK, DemoCatalog.INTERNATIONAL_CALLING, DemoCatalog.GATEWAY,
			DemoCatalog.WIFI_EXTENDER, DemoCatalog.TV_BOX, DemoCatalog.VOICE_MODEM);

	@Autowired
	DemoCatalog demoCatalog;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void definesTheDemoCatalogueIdempotently() {
		demoCatalog.define();
		demoCatalog.define();

		assertThat(countDemoRows("catalog.offering", "code")).isEqualTo(DEMO_CODES.size());
		assertThat(countDemoRows("catalog.internet_fee", "offering_code")).isEqualTo(4 * 3);
		assertThat(countDemoRows("catalog.promotion", "offering_code")).isEqualTo(3);
		assertThat(catalog.findAll(DEMO_CODES)).hasSize(DEMO_CODES.size()).allMatch(Offering::active);
	}

	@Test
	void demoCatalogueHasEveryKind() {
		demoCatalog.define();

		assertThat(catalog.byKind(OfferingKind.INTERNET)).extracting(Offering::code)
			.containsSubsequence(DemoCatalog.INTERNET_300, DemoCatalog.INTERNET_500, DemoCatalog.INTERNET_1G,
					DemoCatalog.INTERNET_2G);
		assertThat(catalog.byKind(OfferingKind.TV_ADDON)).extracting(Offering::code)
			.contains(DemoCatalog.TV_MOVIES, DemoCatalog.TV_SPORTS, DemoCatalog.TV_LATINO);
		assertThat(catalog.get(DemoCatalog.TV_SELECT).monthlyPrice()).isEqualTo(Money.usd("126.97"));
		assertThat(catalog.get(DemoCatalog.VOICE_MODEM).monthlyPrice()).isEqualTo(Money.usd("0.00"));
		assertThat(catalog.get(DemoCatalog.TV_LATINO).name(Language.ES_US)).isEqualTo("Paquete Latino");
		assertThat(((Equipment) catalog.get(DemoCatalog.TV_BOX).details()).serves()).isEqualTo(OfferingKind.TV);
	}

	@Test
	void demoInternetLabelsShowTheIntroductoryRates() {
		demoCatalog.define();

		var label = catalog.broadbandLabel(DemoCatalog.INTERNET_500);
		assertThat(label.monthlyPrice()).isEqualTo(Money.usd("45.00"));
		assertThat(label.introductoryRateSummary(Language.EN_US)).isEqualTo("Yes: 12 months, then $65.00/mo");
		assertThat(label.dataIncluded(Language.EN_US)).isEqualTo("1,200 GB");
		assertThat(label.uniquePlanIdentifier().value()).isEqualTo("F0031415926INT500");
		assertThat(catalog.broadbandLabel(DemoCatalog.INTERNET_2G).dataIncluded(Language.ES_US)).isEqualTo("Ilimitados");
		assertThat(catalog.broadbandLabel(DemoCatalog.INTERNET_300).isIntroductoryRate()).isFalse();
		assertThat(catalog.promotion(DemoCatalog.PROMO_TV_SELECT)).hasValueSatisfying(
				promotion -> assertThat(promotion.endDate()).isNotNull());
	}

	private long countDemoRows(String table, String codeColumn) {
		return jdbc.sql("select count(*) from " + table + " where " + codeColumn + " in (:codes)")
			.param("codes", DEMO_CODES.stream().map(OfferingCode::value).toList())
			.query(Long.class)
			.single();
	}
}
