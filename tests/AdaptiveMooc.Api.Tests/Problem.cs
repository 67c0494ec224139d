using System.Net;
using System.Text.Json;

namespace AdaptiveMooc.Api.Tests;

internal static class Problem
{
    /// <summary>Asserts a ProblemDetails answer with that status whose detail mentions <paramref name="mentions"/>.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? mentions = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        if (mentions is not null)
        {
            Assert.Contains(mentions, detail, StringComparison.Ordinal);
        }

        return problem;
    }
}
