using AdaptiveMooc.Api.Media;
using AdaptiveMooc.Api.Security;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Api.Tests.Content;

public sealed class MediaLinksTests : IDisposable
{
    private const string Media = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private readonly string secrets = Directory.CreateTempSubdirectory("mooc-links-").FullName;
    private readonly Clock clock = new();

    [Fact]
    public void A_link_works_until_it_expires()
    {
        var links = Links(lifetimeSeconds: 60);
        var (u, e, s) = Parts(links.Create("finance", Media, Learner("ada")));

        Assert.Null(links.Check("finance", Media, u, e, s));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Null(links.Check("finance", Media, u, e, s));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("expired", links.Check("finance", Media, u, e, s));
    }

    [Fact]
    public void Changing_any_part_voids_the_link()
    {
        var links = Links();
        var (u, e, s) = Parts(links.Create("finance", Media, Learner("ada")));
        var later = (long.Parse(e!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotNull(links.Check("python", Media, u, e, s));
        Assert.NotNull(links.Check("finance", new string('b', 64), u, e, s));
        Assert.NotNull(links.Check("finance", Media, "learner:bob", e, s));
        Assert.NotNull(links.Check("finance", Media, u, later, s));
        Assert.NotNull(links.Check("finance", Media, u, e, s![..^2] + (s[^2..] == "AA" ? "AB" : "AA")));
        Assert.NotNull(links.Check("finance", Media, u, e, null));

        // Another key (another installation) does not accept it either.
        Directory.Delete(secrets, recursive: true);
        Assert.NotNull(Links().Check("finance", Media, u, e, s));
    }

    [Fact]
    public void A_cmi5_package_token_works_until_it_expires_for_its_package_only()
    {
        var links = new MediaLinks(Options.Create(new MediaOptions { LinkKeyPath = Path.Combine(secrets, "media-links.key"), Cmi5ContentLifetimeSeconds = 600 }), clock);
        var basePath = links.CreatePackageBase("finance", Media);
        Assert.StartsWith($"/api/cmi5-content/finance/{Media}/", basePath, StringComparison.Ordinal);
        var token = basePath.Split('/')[5];
        var expiry = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var signature = token[(expiry.Length + 1)..];

        Assert.NotNull(links.CheckPackage("finance", Media, token));
        Assert.Null(links.CheckPackage("python", Media, token));
        Assert.Null(links.CheckPackage("finance", new string('b', 64), token));
        Assert.Null(links.CheckPackage("finance", Media, (long.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) + 1) + "." + signature));
        Assert.Null(links.CheckPackage("finance", Media, signature));

        // Its signature is no media link's: the purpose it covers is not a caller.
        Assert.NotNull(links.Check("finance", Media, "cmi5-content", expiry, signature));

        clock.Advance(TimeSpan.FromSeconds(600));
        Assert.NotNull(links.CheckPackage("finance", Media, token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.CheckPackage("finance", Media, token));
    }

    public void Dispose()
    {
        if (Directory.Exists(secrets))
        {
            Directory.Delete(secrets, recursive: true);
        }
    }

    private static Caller Learner(string id) => new(CallerKind.Learner, id, new HashSet<string>());

    private static (string? U, string? E, string? S) Parts(SignedMediaLink link)
    {
        var query = link.Path[(link.Path.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (query["u"], query["e"], query["s"]);
    }

    private MediaLinks Links(int lifetimeSeconds = 900) =>
        new(Options.Create(new MediaOptions { LinkKeyPath = Path.Combine(secrets, "media-links.key"), LinkLifetimeSeconds = lifetimeSeconds }), clock);

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
