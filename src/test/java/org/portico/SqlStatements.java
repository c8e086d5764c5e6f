package org.portico;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application executes on one thread (a MockMvc request runs on the test's
 * thread), so that a test can hold a page to a number of statements. A small JDK proxy around the shared
 * context's DataSource: connections and statements pass through untouched (unwrap reaches the driver, as
 * COPY needs); only the execute calls made while a {@link Recording} is open on the calling thread are
 * written down, with their SQL. Other threads (event listeners, the outbox) are not counted.
 */
public final class SqlStatements {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	private SqlStatements() {
	}

	/** Starts recording the statements this thread executes; close the recording to stop. */
	public static Recording record() {
		var statements = Collections.synchronizedList(new ArrayList<String>());
		RECORDING.set(statements);
		return new Recording(statements);
	}

	/** The statements executed on the thread while it was open, in order. */
	public static final class Recording implements AutoCloseable {

		private final List<String> statements;

		Recording(List<String> statements) {
			this.statements = statements;
		}

		public List<String> statements() {
			return List.copyOf(statements);
		}

		@Override
		public void close() {
			RECORDING.remove();
		}
	}

	private static void executed(String sql) {
		List<String> recording = RECORDING.get();
		if (recording != null) {
			recording.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
		}
	}

	/** Wraps the application's DataSource. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor sqlStatementCounter() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
						return proxy(DataSource.class, dataSource, (target, method, args) -> {
							Object result = invoke(target, method, args);
							return result instanceof Connection connection ? connection(connection) : result;
						});
					}
					return bean;
				}
			};
		}
	}

	private interface Handler {

		Object handle(Object target, Method method, Object[] args) throws Throwable;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
		return (T) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof CallableStatement call) {
				return statement(CallableStatement.class, call, (String) args[0]);
			}
			if (result instanceof PreparedStatement prepared) {
				return statement(PreparedStatement.class, prepared, (String) args[0]);
			}
			if (result instanceof Statement plain) {
				return statement(Statement.class, plain, null);
			}
			return result;
		});
	}

	private static <S extends Statement> S statement(Class<S> type, S statement, String prepared) {
		return proxy(type, statement, (target, method, args) -> {
			if (EXECUTES.contains(method.getName())) {
				executed(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "batch");
			}
			return invoke(target, method, args);
		});
	}
}
