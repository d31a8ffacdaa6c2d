package dev.crow.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class CrowPostgresIntegrationTests {

    @Test
    void givesEachNameItsOwnIsolatedDatabase() throws SQLException {
        TestDatabase first = CrowPostgres.database("isolation_first");
        TestDatabase second = CrowPostgres.database("isolation_second");

        try (Connection connection = first.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create table interaction (id int primary key)");
            sql.execute("insert into interaction values (1)");
        }
        try (Connection connection = second.connect(); Statement sql = connection.createStatement();
                ResultSet tables = sql.executeQuery("select count(*) from pg_tables where tablename = 'interaction'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(first.username()).isNotEqualTo(second.username());
    }

    @Test
    void databaseOwnersCannotConnectToOtherTestsDatabases() {
        TestDatabase mine = CrowPostgres.database("owner_mine");
        TestDatabase theirs = CrowPostgres.database("owner_theirs");
        TestDatabase intruder = new TestDatabase(theirs.name(), theirs.jdbcUrl(), mine.username(), mine.password());

        assertThatThrownBy(intruder::connect).isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void ownersAreNotSuperusers() throws SQLException {
        TestDatabase database = CrowPostgres.database("not_superuser");
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            row.next();
            assertThat(row.getBoolean(1)).isFalse();
        }
    }

    @Test
    void askingTwiceForTheSameNameReturnsTheSameDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestDatabase>> answers = pool.invokeAll(List.of(
                    () -> CrowPostgres.database("same_name"), () -> CrowPostgres.database("same_name"),
                    () -> CrowPostgres.database("same_name"), () -> CrowPostgres.database("same_name")));
            TestDatabase first = answers.get(0).get();
            for (Future<TestDatabase> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
            try (Connection connection = first.connect()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registerPointsSpringAtANewDatabaseStartingInTheSchema() throws SQLException {
        Map<String, Supplier<Object>> first = new HashMap<>();
        Map<String, Supplier<Object>> second = new HashMap<>();

        TestDatabase one = CrowPostgres.register(registry(first), "products");
        TestDatabase two = CrowPostgres.register(registry(second), "products");

        assertThat(one.name()).isNotEqualTo(two.name());
        String url = (String) first.get("spring.datasource.url").get();
        assertThat(url).startsWith(one.jdbcUrl()).endsWith("currentSchema=products");
        assertThat(first.get("spring.datasource.username").get()).isEqualTo(one.username());
        assertThat(first.get("spring.datasource.password").get()).isEqualTo(one.password());
        try (Connection connection = java.sql.DriverManager.getConnection(url, one.username(), one.password());
                Statement sql = connection.createStatement()) {
            sql.execute("create schema products");
            sql.execute("create table crawler_job (id int)");
            try (ResultSet row = sql.executeQuery("select table_schema from information_schema.tables where table_name = 'crawler_job'")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("products");
            }
        }
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> CrowPostgres.database("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrowPostgres.database("Upper")).isInstanceOf(IllegalArgumentException.class);
    }

    private static DynamicPropertyRegistry registry(Map<String, Supplier<Object>> into) {
        return new DynamicPropertyRegistry() {
            @Override
            public void add(String name, Supplier<Object> valueSupplier) {
                into.put(name, valueSupplier);
            }
        };
    }
}
