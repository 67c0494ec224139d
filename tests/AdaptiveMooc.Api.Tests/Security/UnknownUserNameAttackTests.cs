using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// Issue 16, finding 8: signing in with names nobody has must not grow the database (one grain row per
/// guessed name was an unbounded write anyone could cause).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UnknownUserNameAttackTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Sign_in_attempts_for_unknown_names_persist_nothing()
    {
        using var client = fixture.Platform.Client(admin: false);
        var marker = "ghost-" + Guid.NewGuid().ToString("N")[..12];
        foreach (var username in new[] { marker, marker + "-2", $"{marker}@example.org" })
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = "not-the-password" });
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        }

        await using var dataSource = NpgsqlDataSource.Create(fixture.Platform.DatabaseConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM orleansstorage WHERE grainidextensionstring LIKE '%' || $1 || '%' OR encode(payloadbinary, 'escape') LIKE '%' || $1 || '%'");
        command.Parameters.Add(new NpgsqlParameter { Value = marker });
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
