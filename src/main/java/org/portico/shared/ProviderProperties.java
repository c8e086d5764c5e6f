package org.portico.shared;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The provider's branding and contact details ({@code portico.provider.*}), shown in every page's header
 * and footer, in messages and on bills. Defaults describe the demo provider.
 *
 * @param name the provider's name as customers know it
 * @param logo URL or path of the logo shown in the header (SVG or PNG, about 40 px high)
 * @param primaryColor main brand colour, {@code #rrggbb}; must keep 4.5:1 contrast with white text
 * @param accentColor secondary brand colour, {@code #rrggbb}
 * @param supportPhone the number customers call
 * @param supportHours when they can call, as a sentence per language
 * @param website the provider's public site
 * @param networkManagementPolicy URL of the network management policy (on every broadband label)
 * @param privacyPolicy URL of the privacy policy (on every broadband label)
 * @param remitTo where paper payments are mailed, one line per element
 * @param legalAddress the registered company address, one line per element
 */
@Validated
@ConfigurationProperties("portico.provider")
public record ProviderProperties(
		@DefaultValue("Riverbend Communications") @NotBlank String name,
		@DefaultValue("/images/logo.svg") @NotBlank String logo,
		@DefaultValue("#0b5cab") @Pattern(regexp = "#[0-9a-fA-F]{6}") String primaryColor,
		@DefaultValue("#f2a900") @Pattern(regexp = "#[0-9a-fA-F]{6}") String accentColor,
		@DefaultValue("1-800-555-0199") @NotBlank String supportPhone,
		@DefaultValue SupportHours supportHours,
		@DefaultValue("https://www.example.com") @NotBlank String website,
		@DefaultValue("https://www.example.com/network-management") @NotBlank String networkManagementPolicy,
		@DefaultValue("https://www.example.com/privacy") @NotBlank String privacyPolicy,
		@DefaultValue({ "Riverbend Communications", "PO Box 70123", "Philadelphia, PA 19176-0123" }) List<String> remitTo,
		@DefaultValue({ "Riverbend Communications LLC", "1200 Market Street", "Harrisburg, PA 17101" }) List<String> legalAddress) {

	/** Support hours text in each language. */
	public record SupportHours(
			@DefaultValue("Every day, 8 am to 10 pm Eastern") String en,
			@DefaultValue("Todos los días, de 8 a. m. a 10 p. m., hora del Este") String es) {

		public String in(Language language) {
			return language == Language.ES_US ? es : en;
		}
	}
}
