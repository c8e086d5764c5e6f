package org.portico.billing.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.portico.billing.Statement;
import org.portico.shared.ProviderProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A statement as the customer's bill, in PDF: the Thymeleaf template {@code templates/billing/pdf/statement.html}
 * rendered in the statement's language and laid out by openhtmltopdf. Page 1 is the summary with the bill-to
 * address where a #10 window envelope shows it and the payment stub to tear off at its foot; the itemised
 * charges follow from page 2.
 *
 * <p>Fonts: DejaVu Sans, shipped in the jar and embedded (subset) in every PDF, rather than the PDF base-14
 * fonts: those cover Spanish (WinAnsi has á, é, í, ó, ú, ñ, ü, ¿, ¡) but not every name a holder may have
 * (Łukasz, Nguyễn), and print houses want every font embedded. The renderer fetches nothing from outside: the
 * logo is read from the classpath and inlined, every other external resource is refused.
 */
@Component
public class StatementPdf {

	static final String FONT_FAMILY = "DejaVu Sans";

	private static final String FONTS = "org/portico/billing/document/fonts/";

	private final SpringTemplateEngine templates;

	private final ProviderProperties provider;

	private final @Nullable String logoSvg;

	private final @Nullable String logoImage;

	private final byte[] regular;

	private final byte[] bold;

	public StatementPdf(MessageSource messages, ProviderProperties provider) {
		RendererLog.install();
		this.provider = provider;
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/billing/pdf/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
		this.regular = classpath(FONTS + "DejaVuSans.ttf");
		this.bold = classpath(FONTS + "DejaVuSans-Bold.ttf");
		String logo = provider.logo().strip();
		String path = logo.startsWith("/") && !logo.startsWith("//") ? "static" + logo : null;
		String lower = logo.toLowerCase(Locale.ROOT);
		byte[] image = path == null || !new ClassPathResource(path).exists() ? null : classpath(path);
		this.logoSvg = image != null && lower.endsWith(".svg") ? svgMarkup(image, provider.name()) : null;
		this.logoImage = image != null && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))
				? "data:image/" + (lower.endsWith(".png") ? "png" : "jpeg") + ";base64,"
						+ Base64.getEncoder().encodeToString(image)
				: null;
	}

	/** The statement as a PDF file of its own (the customer's download), tagged for screen readers. */
	public byte[] render(Statement statement) {
		var out = new ByteArrayOutputStream(64 * 1024);
		render(statement, out);
		return out.toByteArray();
	}

	/** Writes the statement as a PDF file of its own to {@code out}, which stays open. */
	public void render(Statement statement, OutputStream out) {
		try (var document = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
			PdfRendererBuilder builder = builder(statement, document);
			builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.usePdfUaAccessibility(true);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
			}
			describe(document, statement);
			// no object streams: the document information stays readable to simple tools (and tests)
			document.save(out, CompressParameters.NO_COMPRESSION);
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Could not render statement " + statement.id(), failed);
		}
	}

	/**
	 * Starts one PDF file for many statements (a print batch): each statement starts on a new page, and the
	 * fonts are embedded once for the whole file rather than once per statement. Page content goes to
	 * temporary files, not the heap, so a batch of thousands of statements keeps memory flat.
	 */
	public Batch batch() {
		return new Batch();
	}

	/** The HTML the PDF is made of (for tests and for looking at the layout in a browser). */
	String html(Statement statement) {
		var sheet = StatementSheet.of(statement);
		var context = new Context(statement.language().locale(),
				Map.of("s", sheet, "provider", provider, "supportHours", provider.supportHours().in(statement.language()),
						"logoSvg", logoSvg == null ? "" : logoSvg, "logoImage", logoImage == null ? "" : logoImage));
		return templates.process("statement", context);
	}

	private PdfRendererBuilder builder(Statement statement, PDDocument document) {
		var builder = new PdfRendererBuilder();
		builder.usePDDocument(document);
		builder.withHtmlContent(html(statement), "classpath:/templates/billing/pdf/");
		builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
		builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withProducer("Portico");
		return builder;
	}

	private void describe(PDDocument document, Statement statement) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setAuthor(provider.name());
		// plain ASCII, so that it is stored as readable text: the account number and the statement date
		info.setSubject(statement.accountNumber().display() + " " + statement.statementDate());
	}

	/** The logo's markup to inline, with the alternative text a tagged PDF wants on every image. */
	private static String svgMarkup(byte[] svg, String name) {
		String markup = new String(svg, StandardCharsets.UTF_8).strip();
		if (markup.startsWith("<?xml")) {
			markup = markup.substring(markup.indexOf("?>") + 2).strip();
		}
		String alt = HtmlUtils.htmlEscape(name, StandardCharsets.UTF_8.name());
		return markup.startsWith("<svg ") && !markup.contains(" alt=")
				? "<svg alt=\"" + alt + "\" " + markup.substring(5) : markup;
	}

	private static byte[] classpath(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException missing) {
			throw new UncheckedIOException("Missing " + path, missing);
		}
	}

	/** One PDF file of many statements, written page by page; {@link #save} it, then close it. */
	public final class Batch implements Closeable {

		private final PDDocument document;

		private final PDFont regularFont;

		private final PDFont boldFont;

		private Batch() {
			this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
			try {
				this.regularFont = PDType0Font.load(document, new ByteArrayInputStream(regular), true);
				this.boldFont = PDType0Font.load(document, new ByteArrayInputStream(bold), true);
			}
			catch (IOException failed) {
				close();
				throw new UncheckedIOException(failed);
			}
		}

		/** Adds the statement on new pages; returns how many pages it took. */
		public int add(Statement statement) {
			int before = document.getNumberOfPages();
			PdfRendererBuilder builder = builder(statement, document);
			builder.useFont(new PDFontSupplier(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
			}
			catch (IOException failed) {
				throw new UncheckedIOException("Could not render statement " + statement.id(), failed);
			}
			return document.getNumberOfPages() - before;
		}

		public int pages() {
			return document.getNumberOfPages();
		}

		/** Writes the file. */
		public void save(Path file) {
			try {
				PDDocumentInformation info = document.getDocumentInformation();
				info.setAuthor(provider.name());
				document.save(file.toFile());
			}
			catch (IOException failed) {
				throw new UncheckedIOException("Could not write " + file, failed);
			}
		}

		@Override
		public void close() {
			try {
				document.close();
			}
			catch (IOException ignored) {
				// nothing was written that anyone still needs
			}
		}
	}
}
