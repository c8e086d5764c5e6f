package org.portico.billing.document;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log through SLF4J (so it ends up in Portico's structured log rather than on
 * standard error), one level down: its INFO lines (timings, every font it loads) are chatter at debug,
 * its warnings about a template are worth a warning.
 */
final class RendererLog implements XRLogger {

	private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

	private RendererLog() {
	}

	static synchronized void install() {
		if (!(XRLog.getLoggerImpl() instanceof RendererLog)) {
			XRLog.setLoggerImpl(new RendererLog());
		}
	}

	@Override
	public void log(String where, Level level, String message) {
		log(where, level, message, null);
	}

	@Override
	public void log(String where, Level level, String message, Throwable failure) {
		if (level.intValue() >= Level.SEVERE.intValue()) {
			log.error("{}: {}", where, message, failure);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			log.warn("{}: {}", where, message, failure);
		}
		else if (level.intValue() >= Level.INFO.intValue()) {
			log.debug("{}: {}", where, message, failure);
		}
		else {
			log.trace("{}: {}", where, message, failure);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// levels are SLF4J's business (logging.level.com.openhtmltopdf)
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Level level = diagnostic.getLevel();
		if (level.intValue() >= Level.WARNING.intValue()) {
			return log.isWarnEnabled();
		}
		return level.intValue() >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
	}
}
