package org.portico.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingKind;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.shared.PostalAddress;

/** Statements built in memory, with a line of every type: for rendering tests that need no database. */
public final class StatementPdfFixtures {

	private StatementPdfFixtures() {
	}

	/** A bill with every section: services of each kind with a promotion, a partial month, usage, a late fee, taxes, a payment and a credit. */
	public static Statement everySection(Language language) {
		LocalDate start = LocalDate.of(2026, 12, 5);
		LocalDate end = LocalDate.of(2027, 1, 5);
		var lines = new ArrayList<StatementLine>();
		lines.add(service(LineType.MONTHLY, "Internet 500", "Internet 500", start, end, 6500, OfferingKind.INTERNET));
		lines.add(service(LineType.DISCOUNT, "New customer offer", "Oferta para clientes nuevos", start, end, -2000,
				OfferingKind.INTERNET));
		lines.add(service(LineType.MONTHLY, "TV Select", "TV Select", start, end, 8999, OfferingKind.TV));
		lines.add(service(LineType.MONTHLY, "Sports Pack", "Paquete de deportes", start, end, 1299, OfferingKind.TV_ADDON));
		lines.add(service(LineType.MONTHLY, "Home Phone Unlimited", "Teléfono residencial ilimitado", start, end, 3000,
				OfferingKind.PHONE));
		lines.add(service(LineType.MONTHLY, "Wi-Fi gateway rental", "Alquiler de módem Wi-Fi", start, end, 1500,
				OfferingKind.EQUIPMENT));
		lines.add(service(LineType.PRORATED, "Sports Pack", "Paquete de deportes", LocalDate.of(2026, 11, 20), start, 628,
				OfferingKind.TV_ADDON));
		lines.add(new StatementLine(LineType.USAGE, LocalizedText.of("Data overage: 2 blocks of 50 GB",
				"Exceso de datos: 2 bloques de 50 GB"), LocalDate.of(2026, 11, 5), start, 2000, null, null, null, null));
		lines.add(entry(LineType.ONE_TIME, "Professional installation", "Instalación profesional", 4999,
				LocalDate.of(2026, 11, 20)));
		lines.add(entry(LineType.LATE_FEE, "Late fee", "Cargo por pago atrasado", 1000, LocalDate.of(2026, 11, 27)));
		lines.add(entry(LineType.TAX, "PA sales tax", "Impuesto sobre las ventas de PA", 818, null));
		lines.add(entry(LineType.TAX, "Cable franchise fee", "Tarifa de franquicia de cable", 515, null));
		lines.add(entry(LineType.TAX, "PA 911 fee", "Cargo 911 de PA", 165, null));
		lines.add(entry(LineType.PAYMENT, "Payment, thank you", "Pago, gracias", -15025, LocalDate.of(2026, 11, 24)));
		lines.add(entry(LineType.CREDIT, "Outage credit", "Crédito por interrupción del servicio", -350,
				LocalDate.of(2026, 11, 28)));
		long newCharges = sum(lines, false);
		long taxes = lines.stream().filter(l -> l.type() == LineType.TAX).mapToLong(StatementLine::amountMinor).sum();
		long payments = lines.stream().filter(l -> l.type().isPaymentOrCredit()).mapToLong(StatementLine::amountMinor).sum();
		long previous = 16025;
		long due = previous + payments + newCharges + taxes;
		return new Statement(new StatementId(UUID.randomUUID()), new ServiceAccountId(UUID.randomUUID()),
				new AccountNumber("400012345675"), start, end, start.plusDays(21), usd(previous), usd(payments),
				usd(newCharges), usd(taxes), usd(due), language, false,
				language == Language.ES_US ? "María José Núñez Peña" : "Jordan A. Whitaker",
				new PostalAddress("1482 Walnut Street", "Apt 3B", "Philadelphia", "PA", "19103-4417"),
				new PostalAddress("1482 Walnut Street", "Apt 3B", "Philadelphia", "PA", "19103-4417"), lines,
				StatementStatus.OPEN);
	}

	private static long sum(List<StatementLine> lines, boolean taxes) {
		return lines.stream()
			.filter(l -> l.type() != LineType.TAX && !l.type().isPaymentOrCredit())
			.mapToLong(StatementLine::amountMinor)
			.sum();
	}

	private static Money usd(long minor) {
		return Money.ofMinor(minor, Money.USD);
	}

	private static StatementLine service(LineType type, String en, String es, LocalDate from, LocalDate to, long minor,
			OfferingKind kind) {
		return new StatementLine(type, LocalizedText.of(en, es), from, to, minor, kind, "X", UUID.randomUUID().toString(),
				null);
	}

	private static StatementLine entry(LineType type, String en, String es, long minor, LocalDate on) {
		return new StatementLine(type, LocalizedText.of(en, es), null, null, minor, null, null, null, on);
	}
}
