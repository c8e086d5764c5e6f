package org.portico.identity.verification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.portico.shared.EmailAddress;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts on file shown masked ({@code a•••@e•••.com}, {@code (•••) •••-1234}) so a customer can pick where
 * a code goes. For details that match nothing, {@link #decoy} gives masked contacts that look the same as
 * real ones and are the same on every try and every node (an HMAC of what was typed under a key kept in
 * the database), so the page never tells whether the details matched.
 */
@Component
public class ContactMasks {

	private static final List<String> DECOY_DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
			"aol.com", "icloud.com", "comcast.net", "verizon.net");

	private final JdbcClient jdbc;

	private volatile byte[] key;

	ContactMasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Masked contacts offered for a code: either may be absent. */
	public record Masked(String email, @Nullable String phone) {
	}

	public static String email(EmailAddress address) {
		String value = address.value();
		int at = value.indexOf('@');
		String local = value.substring(0, at);
		String domain = value.substring(at + 1);
		int dot = domain.lastIndexOf('.');
		String host = dot > 0 ? domain.substring(0, dot) : domain;
		String tld = dot > 0 ? domain.substring(dot) : "";
		return local.charAt(0) + "•••@" + host.charAt(0) + "•••" + tld;
	}

	public static String phone(PhoneNumber number) {
		String digits = number.e164().replaceAll("\\D", "");
		return "(•••) •••-" + digits.substring(digits.length() - 4);
	}

	/**
	 * Masked contacts for details that match no account: derived from what was typed, so they stay the
	 * same when the same details are tried again. About one in five has no phone, as real accounts do.
	 */
	public Masked decoy(String typed) {
		byte[] mac = hmac(typed.strip().toLowerCase(Locale.ROOT));
		ByteBuffer bytes = ByteBuffer.wrap(mac);
		char first = (char) ('a' + Math.floorMod(bytes.getInt(0), 26));
		String domain = DECOY_DOMAINS.get(Math.floorMod(bytes.getInt(4), DECOY_DOMAINS.size()));
		String email = first + "•••@" + domain.charAt(0) + "•••" + domain.substring(domain.lastIndexOf('.'));
		boolean hasPhone = Math.floorMod(bytes.getInt(8), 5) != 0;
		String phone = hasPhone ? "(•••) •••-" + String.format("%04d", Math.floorMod(bytes.getInt(12), 10_000)) : null;
		return new Masked(email, phone);
	}

	private byte[] hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Transactional
	byte[] key() {
		byte[] known = key;
		if (known != null) {
			return known;
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.sql("insert into identity.server_key (name, value) values ('contact-decoys', :value) on conflict do nothing")
			.param("value", fresh)
			.update();
		known = jdbc.sql("select value from identity.server_key where name = 'contact-decoys'")
			.query(byte[].class)
			.single();
		key = known;
		return known;
	}
}
