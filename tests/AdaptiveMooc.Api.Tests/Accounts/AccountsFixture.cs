using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdaptiveMooc.Tests.Shared;

namespace AdaptiveMooc.Api.Tests.Accounts;

/// <summary>
/// smtp4dev started by the test, and a silo + API on a fresh PostgreSQL database whose mail goes to it
/// (MOOC_SMTP). Reset links live <see cref="ResetLifetime"/>, short enough for the expiry test to wait it out.
/// </summary>
public sealed partial class AccountsFixture : IAsyncLifetime
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromSeconds(20);
    private PlatformProcesses? platform;
    private Smtp4Dev? mail;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public Smtp4Dev Mail => mail ?? throw new InvalidOperationException("smtp4dev did not start.");

    public async Task InitializeAsync()
    {
        mail = await Smtp4Dev.StartAsync();
        platform = await PlatformProcesses.StartAsync(new Dictionary<string, string>
        {
            ["MOOC_SMTP"] = mail.SmtpUrl,
            ["Mooc__Mail__PollInterval"] = "00:00:00.200",
            ["Mooc__Mail__WebBaseUrl"] = "http://web.test",
            ["Mooc__Accounts__ResetTokenLifetime"] = ResetLifetime.ToString(),

            // Every test here signs in from 127.0.0.1: the per-address lockout must not close it for the others.
            ["Mooc__LoginThrottle__AddressMaxFailures"] = "1000",
        });
    }

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }

        if (mail is not null)
        {
            await mail.DisposeAsync();
        }
    }

    /// <summary>Signs in; the token pair's JSON.</summary>
    public async Task<JsonElement> SignInAsync(string username, string password)
    {
        using var client = Platform.Client(admin: false);
        var response = await client.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = username, ["password"] = password });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {username}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public HttpClient ClientWith(string accessToken)
    {
        var client = Platform.Client(admin: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task<HttpClient> SignedInAsync(string username, string password) =>
        ClientWith((await SignInAsync(username, password)).GetProperty("accessToken").GetString()!);

    /// <summary>The token of the link <c>{web}/{page}?token=...</c> in a mail's source (quoted-printable soft breaks undone).</summary>
    public static string TokenIn(string source, string page)
    {
        var text = source.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
        var match = Regex.Match(text, $@"/{page}\?token=([A-Za-z0-9_\-%.]+)");
        Assert.True(match.Success, $"no /{page} link in:\n{source}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
