using Npgsql;

namespace AdaptiveMooc.Tests.Shared;

/// <summary>
/// A uniquely named PostgreSQL database on the server named by <c>MOOC_TEST_DB</c>, dropped on dispose, so
/// tests never share data. Without <c>MOOC_TEST_DB</c> it throws: storage tests fail, they never skip.
/// Pass <paramref name="initialize"/> to migrate it, e.g. from a project that references the silo:
/// <c>TestDatabase.CreateAsync((db, ct) => new MigrationRunner(db).ApplyAsync(ct))</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "MOOC_TEST_DB";

    private readonly Lazy<NpgsqlDataSource> dataSource;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        dataSource = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(connectionString));
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource => dataSource.Value;

    /// <summary>The server to create test databases on (its own database is only used to create and drop them).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: this test needs a real PostgreSQL. Run ./mooc test, or start one " +
                "(source scripts/pg.sh; pg_start \"$PWD/.data/pg-test\" 55433) and export " +
                $"{EnvironmentVariable}=\"Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres\".");

    public static async Task<TestDatabase> CreateAsync(
        Func<NpgsqlDataSource, CancellationToken, Task>? initialize = null, CancellationToken cancellationToken = default)
    {
        var server = ServerConnectionString;
        var name = $"mooc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        if (initialize is not null)
        {
            try
            {
                await initialize(database.DataSource, cancellationToken);
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource.IsValueCreated)
        {
            await dataSource.Value.DisposeAsync();
        }

        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        // FORCE: connections still held by a silo that a test stopped late must not keep the database alive.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
