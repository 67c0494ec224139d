using System.Net;
using System.Net.Http.Json;

namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// The attacks of issue 16, finding 5, behind the documented TLS proxy (here: the test client on
/// loopback, a configured known proxy, naming each client in <c>X-Forwarded-For</c>).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ProxyTests(SecurityFixture fixture)
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task Behind_the_proxy_one_client_exhausting_its_budget_does_not_limit_another()
    {
        // Anonymous requests (600 a minute per address by default): if every client shared the proxy's
        // address, the second client would be refused too.
        var noisy = RandomClientAddress();
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 700 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await SendAsync(fixture.Limited, HttpMethod.Get, "/api/courses", noisy);
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        using var other = await SendAsync(fixture.Limited, HttpMethod.Get, "/api/courses", RandomClientAddress());
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_from_one_client_lock_the_account_for_that_client_only()
    {
        var trainer = await fixture.CreateTrainerAsync(Password);
        var attacker = RandomClientAddress();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignInAsync(trainer, "wrong-password-" + i, attacker);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var locked = await SignInAsync(trainer, Password, attacker))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        }

        // The owner, from elsewhere, still signs in.
        using var owner = await SignInAsync(trainer, Password, RandomClientAddress());
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task One_client_guessing_across_accounts_is_stopped_by_its_address_limit()
    {
        // 20 failures from one address over many accounts close sign-in to that address, while every
        // account stays open to its owners.
        var attacker = RandomClientAddress();
        var victims = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            victims.Add(await fixture.CreateTrainerAsync(Password));
        }

        var failures = 0;
        HttpStatusCode last = HttpStatusCode.Unauthorized;
        for (var round = 0; round < 5 && last != HttpStatusCode.TooManyRequests; round++)
        {
            foreach (var victim in victims)
            {
                using var wrong = await SignInAsync(victim, "wrong-" + round, attacker);
                last = wrong.StatusCode;
                if (last == HttpStatusCode.TooManyRequests)
                {
                    break;
                }

                failures++;
            }
        }

        Assert.Equal(20, failures);
        var other = await fixture.CreateTrainerAsync(Password);
        using (var fresh = await SignInAsync(other, Password, attacker))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, fresh.StatusCode);
        }

        foreach (var victim in victims)
        {
            using var owner = await SignInAsync(victim, Password, RandomClientAddress());
            Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        }
    }

    [Fact]
    public async Task A_forwarded_address_from_a_caller_that_is_not_a_configured_proxy_is_ignored()
    {
        // Here the configured proxy is 192.0.2.1, not the test client (loopback): whatever address the
        // client names in X-Forwarded-For, its anonymous requests share the budget of its real address.
        using var host = await fixture.StartApiAsync("api-other-proxy", new Dictionary<string, string>
        {
            ["Mooc__Proxy__KnownProxies__0"] = "192.0.2.1",
            ["Mooc__RateLimit__AnonymousPermitLimit"] = SecurityFixture.LimitedPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        for (var i = 0; i < SecurityFixture.LimitedPermits; i++)
        {
            using var allowed = await SendAsync(host, HttpMethod.Get, "/api/courses", RandomClientAddress());
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        // A fresh spoofed address would get a fresh budget if the header were believed.
        using (var spoofed = await SendAsync(host, HttpMethod.Get, "/api/courses", RandomClientAddress()))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);
        }

        // The budget spent is the real address's: without the header the client is refused as well.
        using var plain = await host.Http.GetAsync(new Uri("/api/courses", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, plain.StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string username, string password, string clientAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return fixture.Main.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(ApiHost host, HttpMethod method, string path, string clientAddress)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await host.Http.SendAsync(request);
    }

    /// <summary>A random address in the documentation range 2001:db8::/32, so no two tests share one.</summary>
    private static string RandomClientAddress() =>
        new IPAddress([0x20, 0x01, 0x0d, 0xb8, .. System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)]).ToString();
}
