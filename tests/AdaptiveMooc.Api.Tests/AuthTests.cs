using System.Net;
using System.Text;

namespace AdaptiveMooc.Api.Tests;

[Collection(PlatformCollection.Name)]
public sealed class AuthTests(PlatformFixture fixture)
{
    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "POST", "/api/courses" },
        { "GET", "/api/courses" },
        { "GET", "/api/courses/intro-finance" },
        { "PUT", "/api/courses/intro-finance" },
        { "POST", "/api/courses/intro-finance/publish" },
        { "POST", "/api/courses/intro-finance/trainers" },
        { "GET", "/api/learners/ada" },
        { "PUT", "/api/learners/ada/availability" },
        { "POST", "/api/learners/ada/enrollments" },
        { "GET", "/api/learners/ada/enrollments" },
        { "POST", "/api/learners/ada/enrollments/intro-finance/withdrawal" },
        { "GET", "/api/learners/ada/courses/intro-finance/progress" },
        { "POST", "/xapi/statements" },
        { "GET", "/xapi/statements" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Every_api_and_xapi_route_needs_credentials(string method, string path)
    {
        using var client = fixture.Platform.Client(admin: false);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        await Problem.AssertAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        using var client = fixture.Platform.Client(admin: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");

        await Problem.AssertAsync(await client.GetAsync(new Uri("/api/courses", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/alive")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/xapi/about")]
    public async Task Anonymous_routes_answer_without_credentials(string path)
    {
        using var client = fixture.Platform.Client(admin: false);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }
}
