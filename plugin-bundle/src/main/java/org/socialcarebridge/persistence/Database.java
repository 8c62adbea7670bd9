package org.socialcarebridge.persistence;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's own state (ledger, conversations, outbox, cursors) through EclipseLink. Bootstrapped
 * with EclipseLink's provider directly because {@code jakarta.persistence.Persistence} finds providers
 * with a ServiceLoader, which does not see across OSGi bundles.
 */
public final class Database implements AutoCloseable {
    static final String UNIT = "socialcare";
    /** H2's {@code ErrorCode.WRONG_USER_OR_PASSWORD}, by value: the driver is optional for this bundle. */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        // H2's mixed-mode server (AUTO_SERVER) would listen on every interface; H2 reads where once, when its
        // first class loads. Karaf's etc/system.properties and ./socialcare export set it; this covers any
        // other JVM that opens the store, unless it chose otherwise.
        System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
    }

    private final EntityManagerFactory factory;

    private Database(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * Opens the database, creating or extending its tables. An embedded H2 database that refuses the password
     * but still has the empty one of earlier versions is given the password first (see
     * {@link #setPasswordOfEarlierDatabase}).
     */
    public static Database open(DatabaseSettings settings) {
        java.nio.file.Path embedded = DatabaseSettings.embeddedFile(settings.url());
        Database db;
        try {
            db = connect(settings);
        } catch (RuntimeException e) {
            if (!refusedPassword(e) || settings.password().isEmpty() || embedded == null) {
                throw e;
            }
            setPasswordOfEarlierDatabase(settings, e);
            db = connect(settings);
        }
        if (embedded != null) {
            new StoreFolder(embedded, false).narrowDatabaseFiles();
        }
        return db;
    }

    private static Database connect(DatabaseSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.JDBC_URL, settings.url());
        props.put(PersistenceUnitProperties.JDBC_DRIVER, settings.driverClassName());
        props.put(PersistenceUnitProperties.JDBC_USER, settings.user());
        props.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
        props.put(PersistenceUnitProperties.CLASSLOADER, Database.class.getClassLoader());
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.CREATE_OR_EXTEND);
        props.put(PersistenceUnitProperties.DDL_GENERATION_MODE, PersistenceUnitProperties.DDL_DATABASE_GENERATION);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        // EclipseLink would otherwise log SQL bind values, which carry customer text.
        props.put(PersistenceUnitProperties.LOGGING_PARAMETERS, "false");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(UNIT, props);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit '" + UNIT + "' in META-INF/persistence.xml");
        }
        Database db = new Database(emf);
        try {
            db.read(em -> em.createQuery("select count(c) from ChannelCursor c").getSingleResult());
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
        db.widenColumns(settings.largeTextType());
        db.addMissingIndexes();
        return db;
    }

    private static boolean refusedPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_WRONG_USER_OR_PASSWORD) {
                return true;
            }
        }
        return false;
    }

    /**
     * Versions before the password was generated made the embedded database with user SA and an empty password,
     * which H2's mixed-mode server admits from any process on this machine. Such a database refuses the new
     * password, still opens with the empty one, and is given the password in place: the data stays as it is.
     */
    private static void setPasswordOfEarlierDatabase(DatabaseSettings settings, RuntimeException refused) {
        Properties credentials = new Properties();
        credentials.setProperty("user", settings.user());
        credentials.setProperty("password", "");
        try (Connection c = driver(settings).connect(settings.url(), credentials);
             PreparedStatement alter = c.prepareStatement("ALTER USER " + quoted(settings.user()) + " SET PASSWORD ?")) {
            alter.setString(1, settings.password());
            alter.executeUpdate();
            LOG.warn("Social Care Bridge: the database {} had user {} with an empty password (made by an earlier version);"
                    + " it now has the password of the store settings", DatabaseSettings.embeddedFile(settings.url()), settings.user());
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_WRONG_USER_OR_PASSWORD) {
                refused.addSuppressed(e);
                throw refused;
            }
            throw new IllegalStateException("The database " + DatabaseSettings.embeddedFile(settings.url()) + " refuses user "
                    + settings.user() + " with the password of the store settings (and is not an earlier version's database"
                    + " with an empty password). Set password in etc/" + StoreSettings.PID + ".cfg to the database's password,"
                    + " or put it in " + StoreFolder.PASSWORD_FILE + " beside the database when the store settings name none",
                    refused);
        }
    }

    private static Driver driver(DatabaseSettings settings) throws SQLException {
        try {
            return (Driver) Class.forName(settings.driverClassName(), true, Database.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the JDBC driver " + settings.driverClassName() + " is not available: " + e, e);
        }
    }

    /** H2 keeps user names in upper case, as the JDBC URL's user is matched. */
    private static String quoted(String user) {
        return '"' + user.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    /**
     * EclipseLink creates a table's indexes only with the table, so a database made by an earlier version
     * lacks the indexes added since (the ledger's by creation time, which the export pages through).
     * Both H2 and PostgreSQL skip an index that exists. An index that cannot be made (a database user
     * without the right) only makes some reads slower, so it is logged, not fatal.
     */
    private void addMissingIndexes() {
        for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
            Table table = entity.getJavaType().getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            for (Index index : table.indexes()) {
                String sql = "CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + table.name() + " (" + index.columnList() + ")";
                try {
                    writing(em -> em.createNativeQuery(sql).executeUpdate());
                } catch (RuntimeException e) {
                    LOG.warn("Social Care Bridge: could not add index {} to {} ({}); reads that use it are slower until"
                            + " a database administrator runs: {}", index.name(), table.name(), e.getMessage(), sql);
                }
            }
        }
    }

    /**
     * EclipseLink creates a column only with its table, so a database made by an earlier version keeps
     * columns narrower than they are declared now (an outbox's POST_ID of 100 characters, which a long
     * thread's ids overflowed). A text column narrower than its {@code @Column(length)}, or not a large
     * text where it is {@code @Lob}, is widened in place; the data stays. Like a missing index, a column
     * that cannot be altered is logged with the statement a database administrator can run.
     */
    private void widenColumns(String largeTextType) {
        for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
            Table table = entity.getJavaType().getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            Map<String, Object[]> existing = new HashMap<>();
            for (Object row : read(em -> em.createNativeQuery("select upper(COLUMN_NAME), upper(DATA_TYPE),"
                            + " CHARACTER_MAXIMUM_LENGTH from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = CURRENT_SCHEMA"
                            + " and upper(TABLE_NAME) = ?1").setParameter(1, table.name().toUpperCase(Locale.ROOT))
                    .getResultList())) {
                Object[] c = (Object[]) row;
                existing.put((String) c[0], c);
            }
            for (java.lang.reflect.Field field : entity.getJavaType().getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                Object[] now = column == null ? null : existing.get(column.name().toUpperCase(Locale.ROOT));
                if (now == null || field.getType() != String.class || !((String) now[1]).contains("CHAR")
                        || ((String) now[1]).contains("LARGE")) {
                    continue; // not a text column, not made yet, or already a large text
                }
                boolean lob = field.isAnnotationPresent(Lob.class);
                long length = now[2] == null ? Long.MAX_VALUE : ((Number) now[2]).longValue();
                if (lob ? length >= DatabaseSettings.H2_LARGE_TEXT : length >= column.length()) {
                    continue;
                }
                String type = lob ? largeTextType : "VARCHAR(" + column.length() + ")";
                String sql = "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name() + " SET DATA TYPE " + type;
                try {
                    writing(em -> em.createNativeQuery(sql).executeUpdate());
                    LOG.info("Social Care Bridge: widened {}.{} to {} (it was {} of {})", table.name(), column.name(), type,
                            now[1], now[2]);
                } catch (RuntimeException e) {
                    LOG.warn("Social Care Bridge: could not widen {}.{} ({}); values longer than {} are refused until a"
                            + " database administrator runs: {}", table.name(), column.name(), e.getMessage(), now[2], sql);
                }
            }
        }
    }

    /** Runs the work in one transaction and commits it; rolls back and rethrows on any failure. */
    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) { // an Error too (a stack overflow in the work): never leave it open
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void writing(Consumer<EntityManager> work) {
        write(em -> {
            work.accept(em);
            return null;
        });
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** The channel's cursor position, or null before its first read. */
    public String cursor(String channel) {
        return read(em -> {
            ChannelCursor c = em.find(ChannelCursor.class, channel);
            return c == null ? null : c.position();
        });
    }

    /** The position of every cursor whose name starts with {@code prefix}, by name. */
    public Map<String, String> cursorsStartingWith(String prefix) {
        Map<String, String> cursors = new java.util.LinkedHashMap<>();
        read(em -> em.createQuery("select c.channel, c.position from ChannelCursor c where c.channel like :p", Object[].class)
                .setParameter("p", prefix + "%").getResultList())
                .forEach(row -> cursors.put((String) row[0], (String) row[1]));
        return cursors;
    }

    public void moveCursor(String channel, String position, java.time.Instant now) {
        writing(em -> {
            ChannelCursor c = em.find(ChannelCursor.class, channel);
            if (c == null) {
                em.persist(new ChannelCursor(channel, position, now));
            } else {
                c.moveTo(position, now);
            }
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}
