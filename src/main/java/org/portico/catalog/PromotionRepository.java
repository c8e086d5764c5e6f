package org.portico.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Promotions in the {@code catalog} schema. */
@Repository
class PromotionRepository {

	private static final String SELECT_PROMOTION = """
			select code, offering_code, name_en, name_es, monthly_discount_minor, currency, ends_on, duration_months,
			       introductory
			from catalog.promotion
			""";

	private final JdbcClient jdbc;

	PromotionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Promotion> find(PromotionCode code) {
		return jdbc.sql(SELECT_PROMOTION + " where code = :code")
			.param("code", code.value())
			.query(PromotionRepository::map)
			.optional();
	}

	List<Promotion> findFor(OfferingCode offering) {
		return jdbc.sql(SELECT_PROMOTION + " where offering_code = :offering order by code")
			.param("offering", offering.value())
			.query(PromotionRepository::map)
			.list();
	}

	Optional<Promotion> findIntroductory(OfferingCode offering) {
		return jdbc.sql(SELECT_PROMOTION + " where offering_code = :offering and introductory")
			.param("offering", offering.value())
			.query(PromotionRepository::map)
			.optional();
	}

	void save(Promotion promotion) {
		var params = new HashMap<String, @Nullable Object>();
		params.put("code", promotion.code().value());
		params.put("offering", promotion.offering().value());
		params.put("nameEn", promotion.name().en());
		params.put("nameEs", promotion.name().es());
		params.put("discount", promotion.monthlyDiscount().minorUnits());
		params.put("currency", promotion.monthlyDiscount().currency().getCurrencyCode());
		params.put("endsOn", promotion.endDate());
		params.put("months", promotion.durationMonths());
		params.put("introductory", promotion.introductory());
		jdbc.sql("""
				insert into catalog.promotion (code, offering_code, name_en, name_es, monthly_discount_minor, currency,
				    ends_on, duration_months, introductory)
				values (:code, :offering, :nameEn, :nameEs, :discount, :currency, :endsOn, :months, :introductory)
				on conflict (code) do update set offering_code = excluded.offering_code, name_en = excluded.name_en,
				    name_es = excluded.name_es, monthly_discount_minor = excluded.monthly_discount_minor,
				    currency = excluded.currency, ends_on = excluded.ends_on,
				    duration_months = excluded.duration_months, introductory = excluded.introductory,
				    updated_at = now(), version = catalog.promotion.version + 1
				""").params(params).update();
	}

	private static Promotion map(ResultSet rs, int row) throws SQLException {
		return new Promotion(new PromotionCode(rs.getString("code")), new OfferingCode(rs.getString("offering_code")),
				new LocalizedText(rs.getString("name_en"), rs.getString("name_es")),
				Money.ofMinor(rs.getLong("monthly_discount_minor"), Currency.getInstance(rs.getString("currency"))),
				rs.getObject("ends_on", LocalDate.class), rs.getObject("duration_months", Integer.class),
				rs.getBoolean("introductory"));
	}
}
