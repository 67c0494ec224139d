using AdaptiveMooc.Silo.Migrations;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Silo.Tests;

internal static class MigratedDatabase
{
    public static Task<TestDatabase> CreateAsync() =>
        TestDatabase.CreateAsync((dataSource, cancellationToken) => new MigrationRunner(dataSource).ApplyAsync(cancellationToken));
}
