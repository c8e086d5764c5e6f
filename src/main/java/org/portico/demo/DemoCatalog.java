package org.portico.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.BroadbandTerms;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.DataCap;
import org.portico.catalog.Equipment;
import org.portico.catalog.FccPlanIdentifier;
import org.portico.catalog.Fee;
import org.portico.catalog.InternetTier;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingDetails;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PhoneFeature;
import org.portico.catalog.PhonePlan;
import org.portico.catalog.Promotion;
import org.portico.catalog.PromotionCode;
import org.portico.catalog.TvPackage;
import org.portico.catalog.TypicalPerformance;
import org.portico.shared.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo provider's catalogue: a US regional cable and fibre provider with four internet tiers, three TV
 * packages and three channel add-ons, two phone plans and four features, rented equipment and three
 * promotions. Defining it is idempotent, so the demo seeder runs it on every start.
 */
@Component
public class DemoCatalog {

	public static final OfferingCode INTERNET_300 = OfferingCode.of("INTERNET-300");

	public static final OfferingCode INTERNET_500 = OfferingCode.of("INTERNET-500");

	public static final OfferingCode INTERNET_1G = OfferingCode.of("FIBER-1G");

	public static final OfferingCode INTERNET_2G = OfferingCode.of("FIBER-2G");

	public static final OfferingCode TV_ESSENTIALS = OfferingCode.of("TV-ESSENTIALS");

	public static final OfferingCode TV_SELECT = OfferingCode.of("TV-SELECT");

	public static final OfferingCode TV_PREMIER = OfferingCode.of("TV-PREMIER");

	public static final OfferingCode TV_MOVIES = OfferingCode.of("TV-MOVIES");

	public static final OfferingCode TV_SPORTS = OfferingCode.of("TV-SPORTS");

	public static final OfferingCode TV_LATINO = OfferingCode.of("TV-LATINO");

	public static final OfferingCode PHONE_UNLIMITED = OfferingCode.of("PHONE-UNLIMITED");

	public static final OfferingCode PHONE_BASIC = OfferingCode.of("PHONE-BASIC");

	public static final OfferingCode VOICEMAIL = OfferingCode.of("VOICEMAIL");

	public static final OfferingCode CALL_FORWARDING = OfferingCode.of("CALL-FORWARDING");

	public static final OfferingCode CALLER_ID_BLOCK = OfferingCode.of("CALLER-ID-BLOCK");

	public static final OfferingCode INTERNATIONAL_CALLING = OfferingCode.of("INTL-CALLING-300");

	public static final OfferingCode GATEWAY = OfferingCode.of("WIFI-GATEWAY");

	public static final OfferingCode WIFI_EXTENDER = OfferingCode.of("WIFI-EXTENDER");

	public static final OfferingCode TV_BOX = OfferingCode.of("TV-BOX-4K");

	public static final OfferingCode VOICE_MODEM = OfferingCode.of("VOICE-MODEM");

	/** $20 off Internet 500 for 12 months: its label's introductory rate. */
	public static final PromotionCode PROMO_NEW_CUSTOMER = PromotionCode.of("NEW-CUSTOMER-500");

	/** $15 off Fiber 1 Gig for 12 months: its label's introductory rate. */
	public static final PromotionCode PROMO_GIG = PromotionCode.of("FIBER-1G-INTRO");

	/** $10 off TV Select until a fixed date, the first of the month six months from today. */
	public static final PromotionCode PROMO_TV_SELECT = PromotionCode.of("TV-SELECT-SAVE10");

	// A fictional FCC Registration Number for the demo provider's broadband labels.
	private static final String FRN = "0031415926";

	private final CatalogManagement catalog;

	private final Clock clock;

	public DemoCatalog(CatalogManagement catalog, Clock clock) {
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Defines (or redefines) the whole catalogue in one transaction. */
	@Transactional
	public void define() {
		defineInternet();
		defineTv();
		definePhone();
		defineEquipment();
		definePromotions();
	}

	private void defineInternet() {
		var cap = new DataCap(1_200, 50, usd("10.00"));
		internet(INTERNET_300, "Internet 300", "Internet 300",
				"Up to 300 Mbps for streaming, browsing and video calls on a handful of devices.",
				"Hasta 300 Mbps para ver series, navegar y hacer videollamadas en varios dispositivos.", "50.00", 300, 20,
				new TypicalPerformance(271, 18, 24), cap, "INT300");
		internet(INTERNET_500, "Internet 500", "Internet 500",
				"Up to 500 Mbps for a busy household: 4K streaming, gaming and working from home at once.",
				"Hasta 500 Mbps para un hogar con mucha actividad: 4K, videojuegos y teletrabajo al mismo tiempo.",
				"65.00", 500, 50, new TypicalPerformance(452, 46, 21), cap, "INT500");
		internet(INTERNET_1G, "Fiber 1 Gig", "Fibra 1 Gig",
				"Symmetrical fiber: upload as fast as you download, with unlimited data.",
				"Fibra simétrica: suba archivos tan rápido como los descarga, con datos ilimitados.", "80.00", 1_000,
				1_000, new TypicalPerformance(923, 918, 16), null, "FIB1G");
		internet(INTERNET_2G, "Fiber 2 Gig", "Fibra 2 Gig",
				"Our fastest fiber, with unlimited data for homes where everyone is online at once.",
				"Nuestra fibra más rápida, con datos ilimitados para hogares donde todos se conectan a la vez.",
				"100.00", 2_000, 2_000, new TypicalPerformance(1_846, 1_822, 15), null, "FIB2G");
	}

	private void defineTv() {
		Money broadcastTvFee = usd("24.99");
		Money regionalSportsFee = usd("11.99");
		Money none = usd("0.00");
		define(TV_ESSENTIALS, "TV Essentials", "TV Esencial",
				"75 channels: your local stations plus popular news, lifestyle and kids' networks.",
				"75 canales: sus estaciones locales y las cadenas más populares de noticias, estilo de vida e infantiles.",
				TvPackage.base(75, usd("59.99"), broadcastTvFee, none));
		define(TV_SELECT, "TV Select", "TV Select",
				"175 channels with live sports, your regional sports network and the most-watched cable networks.",
				"175 canales con deportes en vivo, su cadena deportiva regional y las cadenas de cable más vistas.",
				TvPackage.base(175, usd("89.99"), broadcastTvFee, regionalSportsFee));
		define(TV_PREMIER, "TV Premier", "TV Premier",
				"Our biggest line-up: 300 channels, with every sports and entertainment network we carry.",
				"Nuestra programación más completa: 300 canales, con todas las cadenas de deportes y entretenimiento.",
				TvPackage.base(300, usd("129.99"), broadcastTvFee, regionalSportsFee));
		define(TV_MOVIES, "Premium Movies", "Películas Premium",
				"Four premium movie networks with new releases, original series and on-demand titles.",
				"Cuatro cadenas premium de cine con estrenos, series originales y títulos a la carta.",
				TvPackage.addOn(30, usd("19.99"), none, none));
		define(TV_SPORTS, "Sports Plus", "Deportes Plus",
				"More than 20 extra sports channels: college games, soccer leagues, racing and more.",
				"Más de 20 canales deportivos adicionales: deportes universitarios, ligas de fútbol, automovilismo y más.",
				TvPackage.addOn(22, usd("11.99"), none, none));
		define(TV_LATINO, "Paquete Latino", "Paquete Latino",
				"Over 45 Spanish-language channels: telenovelas, news, soccer and shows from across Latin America.",
				"Más de 45 canales en español: telenovelas, noticias, fútbol y entretenimiento de toda Latinoamérica.",
				TvPackage.addOn(48, usd("7.99"), none, none));
	}

	private void definePhone() {
		define(PHONE_UNLIMITED, "Unlimited Home Phone", "Teléfono de casa ilimitado",
				"Unlimited calling to the US, Puerto Rico, Canada and Mexico, with voicemail and caller ID.",
				"Llamadas ilimitadas a EE. UU., Puerto Rico, Canadá y México, con buzón de voz e identificador de llamadas.",
				new PhonePlan(usd("30.00"), null, true));
		define(PHONE_BASIC, "Home Phone Basic", "Teléfono de casa básico",
				"Unlimited local calling and 300 minutes of US long distance a month.",
				"Llamadas locales ilimitadas y 300 minutos de larga distancia nacional al mes.",
				new PhonePlan(usd("20.00"), 300, false));
		define(VOICEMAIL, "Voicemail", "Buzón de voz",
				"Up to 40 messages, with email alerts and listening in the app.",
				"Hasta 40 mensajes, con avisos por correo electrónico y para escucharlos en la aplicación.",
				new PhoneFeature(usd("0.00")));
		define(CALL_FORWARDING, "Call Forwarding", "Desvío de llamadas",
				"Send calls to your home number on to your cell or any other US number.",
				"Desvíe las llamadas de su casa a su celular o a cualquier otro número de EE. UU.",
				new PhoneFeature(usd("3.99")));
		define(CALLER_ID_BLOCK, "Caller ID Block", "Bloqueo de identificador de llamadas",
				"Keep your name and number private on the calls you make.",
				"Mantenga su nombre y su número en privado cuando hace una llamada.",
				new PhoneFeature(usd("0.00")));
		define(INTERNATIONAL_CALLING, "International Calling 300", "Llamadas internacionales 300",
				"300 minutes a month to more than 70 countries, mobile phones in Latin America included.",
				"300 minutos al mes a más de 70 países, incluidos los celulares de Latinoamérica.",
				new PhoneFeature(usd("9.99")));
	}

	private void defineEquipment() {
		define(GATEWAY, "Wi-Fi Gateway", "Gateway Wi-Fi",
				"Wi-Fi 6E modem and router in one, which you manage from the app.",
				"Módem y router Wi-Fi 6E en un solo equipo, que usted administra desde la aplicación.",
				new Equipment(usd("15.00"), OfferingKind.INTERNET));
		define(WIFI_EXTENDER, "Wi-Fi Extender", "Extensor de Wi-Fi",
				"Carries strong Wi-Fi to far rooms, the basement or the backyard.",
				"Lleva una señal Wi-Fi potente a las habitaciones lejanas, el sótano o el patio.",
				new Equipment(usd("5.00"), OfferingKind.INTERNET));
		define(TV_BOX, "4K TV Box", "Receptor de TV 4K",
				"4K TV box with a voice remote and cloud DVR.",
				"Receptor 4K con control remoto por voz y DVR en la nube.",
				new Equipment(usd("10.00"), OfferingKind.TV));
		define(VOICE_MODEM, "Voice Modem", "Módem de voz",
				"Connects your home phone; included with phone service.",
				"Conecta su teléfono de casa; viene incluido con el servicio telefónico.",
				new Equipment(usd("0.00"), OfferingKind.PHONE));
	}

	private void definePromotions() {
		catalog.definePromotion(Promotion.introductory(PROMO_NEW_CUSTOMER, INTERNET_500,
				text("New customers: $20 off for 12 months", "Clientes nuevos: $20 de descuento por 12 meses"),
				usd("20.00"), 12));
		catalog.definePromotion(Promotion.introductory(PROMO_GIG, INTERNET_1G,
				text("Fiber 1 Gig: $15 off for 12 months", "Fibra 1 Gig: $15 de descuento por 12 meses"), usd("15.00"),
				12));
		LocalDate endsOn = LocalDate.now(clock).withDayOfMonth(1).plusMonths(6);
		catalog.definePromotion(Promotion.until(PROMO_TV_SELECT, TV_SELECT,
				text("TV Select: $10 off a month for a limited time",
						"TV Select: $10 de descuento al mes por tiempo limitado"),
				usd("10.00"), endsOn));
	}

	private void internet(OfferingCode code, String nameEn, String nameEs, String descriptionEn, String descriptionEs,
			String price, int downloadMbps, int uploadMbps, TypicalPerformance typical, @Nullable DataCap cap,
			String planSuffix) {
		var terms = BroadbandTerms.noContract(
				List.of(new Fee(text("Wi-Fi gateway rental (optional)", "Alquiler del gateway Wi-Fi (opcional)"),
						usd("15.00"))),
				List.of(new Fee(text("Activation", "Activación"), usd("10.00")),
						new Fee(text("Professional installation (optional)", "Instalación profesional (opcional)"),
								usd("89.99"))),
				text("Varies by location", "Varían según la ubicación"));
		define(code, nameEn, nameEs, descriptionEn, descriptionEs, new InternetTier(usd(price), downloadMbps,
				uploadMbps, typical, cap, terms, new FccPlanIdentifier("F" + FRN + planSuffix)));
	}

	private void define(OfferingCode code, String nameEn, String nameEs, String descriptionEn, String descriptionEs,
			OfferingDetails details) {
		catalog.define(code, text(nameEn, nameEs), text(descriptionEn, descriptionEs), details);
	}

	private static LocalizedText text(String en, String es) {
		return new LocalizedText(en, es);
	}

	private static Money usd(String amount) {
		return Money.usd(amount);
	}
}
