package org.portico.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offerings and their kind-specific details in the {@code catalog} schema. */
@Repository
class OfferingRepository {

	// One row per offering: the detail table of its kind joins, the others come back null.
	private static final String SELECT_OFFERING = """
			select o.code, o.kind, o.name_en, o.name_es, o.description_en, o.description_es,
			       o.monthly_price_minor, o.currency, o.active,
			       i.download_mbps, i.upload_mbps, i.typical_download_mbps, i.typical_upload_mbps,
			       i.typical_latency_ms, i.data_cap_gb, i.overage_block_gb, i.overage_block_price_minor,
			       i.contract_months, i.early_termination_fee_minor, i.taxes_en, i.taxes_es, i.fcc_plan_id,
			       t.channel_count, t.base_price_minor, t.broadcast_tv_fee_minor, t.regional_sports_fee_minor,
			       p.nationwide_minutes, p.canada_mexico_included,
			       e.serves
			from catalog.offering o
			left join catalog.internet_tier i on i.offering_code = o.code
			left join catalog.tv_package t on t.offering_code = o.code
			left join catalog.phone_plan p on p.offering_code = o.code
			left join catalog.equipment e on e.offering_code = o.code
			""";

	private static final String SELECT_FEES = """
			select f.offering_code, f.recurrence, f.name_en, f.name_es, f.amount_minor, o.currency
			from catalog.internet_fee f join catalog.offering o on o.code = f.offering_code
			""";

	private final JdbcClient jdbc;

	OfferingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Offering> find(OfferingCode code) {
		return select("o.code = :code", "o.code", Map.of("code", code.value())).stream().findFirst();
	}

	List<Offering> findAll(Collection<OfferingCode> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return select("o.code in (:codes)", "o.code",
				Map.of("codes", codes.stream().map(OfferingCode::value).distinct().toList()));
	}

	List<Offering> findActive(OfferingKind kind) {
		return select("o.kind = :kind and o.active", "o.monthly_price_minor, o.code", Map.of("kind", kind.name()));
	}

	/** The kind an existing offering was defined with, locking it against a concurrent redefinition. */
	Optional<OfferingKind> lockKind(OfferingCode code) {
		return jdbc.sql("select kind from catalog.offering where code = :code for update")
			.param("code", code.value())
			.query((rs, n) -> OfferingKind.valueOf(rs.getString(1)))
			.optional();
	}

	/** Inserts or updates; an update keeps the active flag, which is retired and reinstated on its own. */
	void save(OfferingCode code, LocalizedText name, LocalizedText description, OfferingDetails details) {
		Money price = details.monthlyPrice();
		jdbc.sql("""
				insert into catalog.offering (code, kind, name_en, name_es, description_en, description_es,
				    monthly_price_minor, currency)
				values (:code, :kind, :nameEn, :nameEs, :descriptionEn, :descriptionEs, :price, :currency)
				on conflict (code) do update set name_en = excluded.name_en, name_es = excluded.name_es,
				    description_en = excluded.description_en, description_es = excluded.description_es,
				    monthly_price_minor = excluded.monthly_price_minor, currency = excluded.currency,
				    updated_at = now(), version = catalog.offering.version + 1
				""")
			.param("code", code.value())
			.param("kind", details.kind().name())
			.param("nameEn", name.en())
			.param("nameEs", name.es())
			.param("descriptionEn", description.en())
			.param("descriptionEs", description.es())
			.param("price", price.minorUnits())
			.param("currency", price.currency().getCurrencyCode())
			.update();
		if (details instanceof InternetTier tier) {
			saveInternetTier(code, tier);
		}
		else if (details instanceof TvPackage tv) {
			saveTvPackage(code, tv);
		}
		else if (details instanceof PhonePlan plan) {
			savePhonePlan(code, plan);
		}
		else if (details instanceof Equipment equipment) {
			saveEquipment(code, equipment);
		}
		// a phone feature has nothing beyond its price
	}

	boolean updateActive(OfferingCode code, boolean active) {
		return jdbc.sql("""
				update catalog.offering set active = :active, updated_at = now(), version = version + 1
				where code = :code
				""").param("code", code.value()).param("active", active).update() > 0;
	}

	private void saveInternetTier(OfferingCode code, InternetTier tier) {
		var cap = tier.dataCap();
		var terms = tier.terms();
		var params = new HashMap<String, @Nullable Object>();
		params.put("code", code.value());
		params.put("download", tier.downloadMbps());
		params.put("upload", tier.uploadMbps());
		params.put("typicalDownload", tier.typical().downloadMbps());
		params.put("typicalUpload", tier.typical().uploadMbps());
		params.put("latency", tier.typical().latencyMs());
		params.put("cap", cap == null ? null : cap.gigabytes());
		params.put("block", cap == null ? null : cap.overageBlockGigabytes());
		params.put("blockPrice", cap == null ? null : cap.overageBlockPrice().minorUnits());
		params.put("contract", terms.contractMonths());
		params.put("etf", terms.earlyTerminationFee() == null ? null : terms.earlyTerminationFee().minorUnits());
		params.put("taxesEn", terms.governmentTaxes().en());
		params.put("taxesEs", terms.governmentTaxes().es());
		params.put("planId", tier.fccPlanId().value());
		jdbc.sql("""
				insert into catalog.internet_tier (offering_code, download_mbps, upload_mbps, typical_download_mbps,
				    typical_upload_mbps, typical_latency_ms, data_cap_gb, overage_block_gb, overage_block_price_minor,
				    contract_months, early_termination_fee_minor, taxes_en, taxes_es, fcc_plan_id)
				values (:code, :download, :upload, :typicalDownload, :typicalUpload, :latency, :cap, :block,
				    :blockPrice, :contract, :etf, :taxesEn, :taxesEs, :planId)
				on conflict (offering_code) do update set download_mbps = excluded.download_mbps,
				    upload_mbps = excluded.upload_mbps, typical_download_mbps = excluded.typical_download_mbps,
				    typical_upload_mbps = excluded.typical_upload_mbps, typical_latency_ms = excluded.typical_latency_ms,
				    data_cap_gb = excluded.data_cap_gb, overage_block_gb = excluded.overage_block_gb,
				    overage_block_price_minor = excluded.overage_block_price_minor,
				    contract_months = excluded.contract_months,
				    early_termination_fee_minor = excluded.early_termination_fee_minor,
				    taxes_en = excluded.taxes_en, taxes_es = excluded.taxes_es, fcc_plan_id = excluded.fcc_plan_id,
				    updated_at = now()
				""").params(params).update();
		jdbc.sql("delete from catalog.internet_fee where offering_code = :code").param("code", code.value()).update();
		insertFees(code, "MONTHLY", terms.monthlyProviderFees());
		insertFees(code, "ONE_TIME", terms.oneTimeFees());
	}

	private void insertFees(OfferingCode code, String recurrence, List<Fee> fees) {
		for (int i = 0; i < fees.size(); i++) {
			Fee fee = fees.get(i);
			jdbc.sql("""
					insert into catalog.internet_fee (offering_code, recurrence, position, name_en, name_es, amount_minor)
					values (:code, :recurrence, :position, :nameEn, :nameEs, :amount)
					""")
				.param("code", code.value())
				.param("recurrence", recurrence)
				.param("position", i)
				.param("nameEn", fee.name().en())
				.param("nameEs", fee.name().es())
				.param("amount", fee.amount().minorUnits())
				.update();
		}
	}

	private void saveTvPackage(OfferingCode code, TvPackage tv) {
		jdbc.sql("""
				insert into catalog.tv_package (offering_code, channel_count, base_price_minor, broadcast_tv_fee_minor,
				    regional_sports_fee_minor)
				values (:code, :channels, :base, :broadcast, :sports)
				on conflict (offering_code) do update set channel_count = excluded.channel_count,
				    base_price_minor = excluded.base_price_minor,
				    broadcast_tv_fee_minor = excluded.broadcast_tv_fee_minor,
				    regional_sports_fee_minor = excluded.regional_sports_fee_minor, updated_at = now()
				""")
			.param("code", code.value())
			.param("channels", tv.channelCount())
			.param("base", tv.basePrice().minorUnits())
			.param("broadcast", tv.broadcastTvFee().minorUnits())
			.param("sports", tv.regionalSportsFee().minorUnits())
			.update();
	}

	private void savePhonePlan(OfferingCode code, PhonePlan plan) {
		var params = new HashMap<String, @Nullable Object>();
		params.put("code", code.value());
		params.put("minutes", plan.nationwideMinutes());
		params.put("canadaMexico", plan.canadaAndMexicoIncluded());
		jdbc.sql("""
				insert into catalog.phone_plan (offering_code, nationwide_minutes, canada_mexico_included)
				values (:code, :minutes, :canadaMexico)
				on conflict (offering_code) do update set nationwide_minutes = excluded.nationwide_minutes,
				    canada_mexico_included = excluded.canada_mexico_included, updated_at = now()
				""").params(params).update();
	}

	private void saveEquipment(OfferingCode code, Equipment equipment) {
		jdbc.sql("""
				insert into catalog.equipment (offering_code, serves) values (:code, :serves)
				on conflict (offering_code) do update set serves = excluded.serves, updated_at = now()
				""").param("code", code.value()).param("serves", equipment.serves().name()).update();
	}

	/** Fees first (keyed by offering), then the offerings: two queries however many rows. */
	private List<Offering> select(String condition, String order, Map<String, ?> params) {
		var fees = new HashMap<String, LabelFees>();
		jdbc.sql(SELECT_FEES + " where " + condition + " order by f.offering_code, f.recurrence, f.position")
			.params(params)
			.query((ResultSet rs) -> {
				var lists = fees.computeIfAbsent(rs.getString("offering_code"), code -> new LabelFees());
				var fee = new Fee(new LocalizedText(rs.getString("name_en"), rs.getString("name_es")),
						Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))));
				("MONTHLY".equals(rs.getString("recurrence")) ? lists.monthly : lists.oneTime).add(fee);
			});
		return jdbc.sql(SELECT_OFFERING + " where " + condition + " order by " + order)
			.params(params)
			.query((rs, n) -> map(rs, fees.getOrDefault(rs.getString("code"), new LabelFees())))
			.list();
	}

	private static Offering map(ResultSet rs, LabelFees fees) throws SQLException {
		var currency = Currency.getInstance(rs.getString("currency"));
		var price = Money.ofMinor(rs.getLong("monthly_price_minor"), currency);
		var kind = OfferingKind.valueOf(rs.getString("kind"));
		OfferingDetails details = switch (kind) {
			case INTERNET -> internetTier(rs, price, fees);
			case TV, TV_ADDON -> new TvPackage(kind == OfferingKind.TV_ADDON, rs.getInt("channel_count"),
					Money.ofMinor(rs.getLong("base_price_minor"), currency),
					Money.ofMinor(rs.getLong("broadcast_tv_fee_minor"), currency),
					Money.ofMinor(rs.getLong("regional_sports_fee_minor"), currency));
			case PHONE -> new PhonePlan(price, rs.getObject("nationwide_minutes", Integer.class),
					rs.getBoolean("canada_mexico_included"));
			case PHONE_FEATURE -> new PhoneFeature(price);
			case EQUIPMENT -> new Equipment(price, OfferingKind.valueOf(rs.getString("serves")));
		};
		return new Offering(new OfferingCode(rs.getString("code")),
				new LocalizedText(rs.getString("name_en"), rs.getString("name_es")),
				new LocalizedText(rs.getString("description_en"), rs.getString("description_es")),
				rs.getBoolean("active"), details);
	}

	private static InternetTier internetTier(ResultSet rs, Money price, LabelFees fees) throws SQLException {
		var currency = price.currency();
		Integer cap = rs.getObject("data_cap_gb", Integer.class);
		DataCap dataCap = cap == null ? null
				: new DataCap(cap, rs.getInt("overage_block_gb"),
						Money.ofMinor(rs.getLong("overage_block_price_minor"), currency));
		Long etf = rs.getObject("early_termination_fee_minor", Long.class);
		var terms = new BroadbandTerms(rs.getInt("contract_months"), etf == null ? null : Money.ofMinor(etf, currency),
				fees.monthly, fees.oneTime, new LocalizedText(rs.getString("taxes_en"), rs.getString("taxes_es")));
		var typical = new TypicalPerformance(rs.getInt("typical_download_mbps"), rs.getInt("typical_upload_mbps"),
				rs.getInt("typical_latency_ms"));
		return new InternetTier(price, rs.getInt("download_mbps"), rs.getInt("upload_mbps"), typical, dataCap, terms,
				new FccPlanIdentifier(rs.getString("fcc_plan_id")));
	}

	private static final class LabelFees {

		final List<Fee> monthly = new ArrayList<>();

		final List<Fee> oneTime = new ArrayList<>();
	}
}
