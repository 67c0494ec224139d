using Npgsql;

namespace AdaptiveMooc.Silo.Tests;

public sealed class AutoPrepareTests
{
    [Fact]
    public void The_silo_prepares_repeated_queries_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(MoocSiloBuilderExtensions.WithAutoPrepare("Host=db;Username=mooc;Database=mooc"));
        Assert.Equal(64, defaulted.MaxAutoPrepare);
        Assert.Equal(2, defaulted.AutoPrepareMinUsages);
        Assert.Equal("db", defaulted.Host);

        var explicitly = new NpgsqlConnectionStringBuilder(MoocSiloBuilderExtensions.WithAutoPrepare("Host=db;Max Auto Prepare=5"));
        Assert.Equal(5, explicitly.MaxAutoPrepare);
    }
}
