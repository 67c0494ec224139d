using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Api.Tests.Accounts;

/// <summary>Account flows over HTTP, with the mails read back from smtp4dev.</summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountFlowTests(AccountsFixture fixture)
{
    private const string Password = "correct horse battery";

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> RegisterAsync(string? email = null, string name = "Ada Lovelace")
    {
        using var admin = fixture.Platform.Client();
        var id = Payloads.NewId("acc");
        var body = Payloads.Learner(id);
        body["name"] = name;
        body["email"] = email ?? $"{id}@example.org";
        await ReadAsync(await admin.PostAsJsonAsync("/api/learners", body), HttpStatusCode.Created);
        return id;
    }

    private async Task<HttpStatusCode> TokenStatusAsync(string username, string password)
    {
        using var client = fixture.Platform.Client(admin: false);
        return (await client.PostAsJsonAsync("/api/auth/token", new JsonObject { ["username"] = username, ["password"] = password })).StatusCode;
    }

    [Fact]
    public async Task A_learner_cannot_register_with_a_trainer_id_so_the_trainer_lockout_cannot_be_reset()
    {
        using var admin = fixture.Platform.Client();
        var trainerId = Payloads.NewId("trainer");
        await ReadAsync(await admin.PostAsJsonAsync("/api/trainers", new JsonObject
        {
            ["id"] = trainerId, ["name"] = "Grace Hopper", ["email"] = $"{trainerId}@example.org", ["password"] = "trainer secret 1",
        }), HttpStatusCode.Created);

        // The attack: someone hammers the trainer's account, then registers a learner with the trainer's id and a
        // password of their own, hoping a successful sign-in under that id clears the trainer's failure count.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(trainerId, "wrong password " + i));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(trainerId, "wrong password 5"));
        var attacker = Payloads.Learner(trainerId);
        attacker["email"] = $"attacker-{Guid.NewGuid():N}@example.org";
        attacker["password"] = "attacker password";
        var refused = await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/learners", attacker), HttpStatusCode.Conflict, "id");
        Assert.Equal("id", refused.GetProperty("field").GetString());
        using (var anonymous = fixture.Platform.Client(admin: false))
        {
            await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/learners", attacker), HttpStatusCode.Conflict, "id");
        }

        // Nothing was stored: the attacker's address is free and no learner answers to the id.
        await Problem.AssertAsync(await admin.GetAsync(new Uri($"/api/learners/{trainerId}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(attacker["email"]!.GetValue<string>(), "attacker password"));

        // The lockout is the trainer's and stays: even the right password waits it out, the attacker's gets nothing.
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(trainerId, "trainer secret 1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenStatusAsync(trainerId, "attacker password"));

        // The other way round too: a trainer cannot be created with a learner's id.
        var learnerId = await RegisterAsync();
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/trainers", new JsonObject
        {
            ["id"] = learnerId, ["name"] = "Mallory", ["email"] = $"mallory-{Guid.NewGuid():N}@example.org", ["password"] = "trainer secret 2",
        }), HttpStatusCode.Conflict, "id");
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(learnerId, Password));
    }

    [Fact]
    public async Task Password_reset_by_mail_is_single_use_and_ends_every_login()
    {
        var id = await RegisterAsync();
        var email = $"{id}@example.org";
        var before = await fixture.SignInAsync(id, Password);

        using var anonymous = fixture.Platform.Client(admin: false);
        var known = await ReadAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset", new JsonObject { ["email"] = email }), HttpStatusCode.Accepted);
        var unknown = await ReadAsync(
            await anonymous.PostAsJsonAsync("/api/account/password-reset", new JsonObject { ["email"] = $"nobody-{Guid.NewGuid():N}@example.org" }),
            HttpStatusCode.Accepted);
        Assert.Equal(known.GetRawText(), unknown.GetRawText());
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset", new JsonObject { ["email"] = "not an address" }), HttpStatusCode.BadRequest, "email");

        // The mail went through the outbox, MailKit and SMTP into smtp4dev.
        var source = Assert.Single(await fixture.Mail.WaitForAsync(email, "Reset your password"));
        Assert.Contains("Message-Id: <", source, StringComparison.OrdinalIgnoreCase);
        var token = AccountsFixture.TokenIn(source, "reset-password");

        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset/confirm",
            new JsonObject { ["token"] = token, ["newPassword"] = "short" }), HttpStatusCode.BadRequest, "newPassword");
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset/confirm",
            new JsonObject { ["token"] = token + "x", ["newPassword"] = "a brand new password" }), HttpStatusCode.BadRequest, "token");
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset/confirm",
            new JsonObject { ["token"] = token, ["newPassword"] = "a brand new password" }), HttpStatusCode.NoContent);
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset/confirm",
            new JsonObject { ["token"] = token, ["newPassword"] = "yet another password" }), HttpStatusCode.BadRequest, "token");

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(id, Password));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(email, "a brand new password"));

        // The login from before the reset is over: its refresh token and its access token.
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/auth/refresh",
            new JsonObject { ["refreshToken"] = before.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
        using var old = fixture.ClientWith(before.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync(new Uri($"/api/learners/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_expires()
    {
        var id = await RegisterAsync();
        using var anonymous = fixture.Platform.Client(admin: false);
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset", new JsonObject { ["email"] = $"{id}@example.org" }), HttpStatusCode.Accepted);
        var token = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync($"{id}@example.org", "Reset your password")), "reset-password");

        await Task.Delay(AccountsFixture.ResetLifetime + TimeSpan.FromSeconds(1));
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/password-reset/confirm",
            new JsonObject { ["token"] = token, ["newPassword"] = "a brand new password" }), HttpStatusCode.BadRequest, "token");
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(id, Password));
    }

    [Fact]
    public async Task Addresses_are_confirmed_by_mail_on_registration_and_on_change()
    {
        var id = await RegisterAsync();
        var email = $"{id}@example.org";
        using var client = await fixture.SignedInAsync(id, Password);
        var account = await ReadAsync(await client.GetAsync(new Uri("/api/account", UriKind.Relative)), HttpStatusCode.OK);
        Assert.False(account.GetProperty("emailVerified").GetBoolean());

        var token = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync(email, "Confirm your e-mail address")), "verify-email");
        using var anonymous = fixture.Platform.Client(admin: false);
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/account/email-verification", new JsonObject { ["token"] = token }), HttpStatusCode.NoContent);
        await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/account/email-verification", new JsonObject { ["token"] = token }), HttpStatusCode.BadRequest, "token");
        account = await ReadAsync(await client.GetAsync(new Uri("/api/account", UriKind.Relative)), HttpStatusCode.OK);
        Assert.True(account.GetProperty("emailVerified").GetBoolean());

        // A change needs the password, refuses a taken address, and takes effect only once the new address confirms.
        var other = await RegisterAsync();
        var newEmail = $"new-{id}@example.org";
        await Problem.AssertAsync(await client.PutAsJsonAsync("/api/account/email", new JsonObject { ["email"] = newEmail, ["password"] = "wrong" }), HttpStatusCode.BadRequest, "password");
        await Problem.AssertAsync(await client.PutAsJsonAsync("/api/account/email", new JsonObject { ["email"] = $"{other}@example.org", ["password"] = Password }), HttpStatusCode.Conflict, "email");
        var pending = await ReadAsync(await client.PutAsJsonAsync("/api/account/email", new JsonObject { ["email"] = newEmail, ["password"] = Password }), HttpStatusCode.Accepted);
        Assert.Equal(email, pending.GetProperty("email").GetString());
        Assert.Equal(newEmail, pending.GetProperty("pendingEmail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(newEmail, Password));

        var change = AccountsFixture.TokenIn(Assert.Single(await fixture.Mail.WaitForAsync(newEmail, "Confirm your e-mail address")), "verify-email");
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/account/email-verification", new JsonObject { ["token"] = change }), HttpStatusCode.NoContent);
        account = await ReadAsync(await client.GetAsync(new Uri("/api/account", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(newEmail, account.GetProperty("email").GetString());
        Assert.True(account.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(newEmail, Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(email, Password));

        // The old address is free again.
        await RegisterAsync(email);
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_ends_every_other_login()
    {
        var id = await RegisterAsync();
        var other = await fixture.SignInAsync(id, Password);
        var mine = await fixture.SignInAsync(id, Password);

        // Access tokens carry whole seconds: the other login must be from an earlier second than the change.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        using var client = fixture.ClientWith(mine.GetProperty("accessToken").GetString()!);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/account/password",
            new JsonObject { ["currentPassword"] = "not it", ["newPassword"] = "a brand new password" }), HttpStatusCode.BadRequest, "currentPassword");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/account/password",
            new JsonObject { ["currentPassword"] = Password, ["newPassword"] = "short" }), HttpStatusCode.BadRequest, "newPassword");
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(id, Password));

        var fresh = await ReadAsync(await client.PostAsJsonAsync("/api/account/password",
            new JsonObject { ["currentPassword"] = Password, ["newPassword"] = "a brand new password" }), HttpStatusCode.OK);

        using var anonymous = fixture.Platform.Client(admin: false);
        foreach (var login in new[] { other, mine })
        {
            await Problem.AssertAsync(await anonymous.PostAsJsonAsync("/api/auth/refresh",
                new JsonObject { ["refreshToken"] = login.GetProperty("refreshToken").GetString() }), HttpStatusCode.Unauthorized);
            using var stale = fixture.ClientWith(login.GetProperty("accessToken").GetString()!);
            Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync(new Uri("/api/account", UriKind.Relative))).StatusCode);
        }

        using var renewed = fixture.ClientWith(fresh.GetProperty("accessToken").GetString()!);
        await ReadAsync(await renewed.GetAsync(new Uri("/api/account", UriKind.Relative)), HttpStatusCode.OK);
        await ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/refresh",
            new JsonObject { ["refreshToken"] = fresh.GetProperty("refreshToken").GetString() }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync(id, Password));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(id, "a brand new password"));
    }

    [Fact]
    public async Task The_profile_name_can_be_edited()
    {
        var id = await RegisterAsync();
        using var client = await fixture.SignedInAsync(id, Password);
        await Problem.AssertAsync(await client.PutAsJsonAsync("/api/account/profile", new JsonObject { ["name"] = " " }), HttpStatusCode.BadRequest, "name");
        await Problem.AssertAsync(await client.PutAsJsonAsync("/api/account/profile", new JsonObject { ["name"] = new string('x', 201) }), HttpStatusCode.BadRequest, "name");
        var updated = await ReadAsync(await client.PutAsJsonAsync("/api/account/profile", new JsonObject { ["name"] = "Ada King" }), HttpStatusCode.OK);
        Assert.Equal("Ada King", updated.GetProperty("name").GetString());
        var profile = await ReadAsync(await client.GetAsync(new Uri($"/api/learners/{id}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("Ada King", profile.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_forum_reply_is_mailed_with_a_working_unsubscribe_link_and_preferences_are_kept()
    {
        using var admin = fixture.Platform.Client();
        var (authorId, courseId) = await Payloads.EnrolledLearner(admin);
        var replierId = await RegisterAsync();
        await ReadAsync(await admin.PostAsJsonAsync($"/api/learners/{replierId}/enrollments", new JsonObject { ["courseId"] = courseId }), HttpStatusCode.Created);
        using var author = await fixture.SignedInAsync(authorId, Password);
        using var replier = await fixture.SignedInAsync(replierId, Password);

        var thread = await ReadAsync(await author.PostAsJsonAsync($"/api/courses/{courseId}/forum/threads",
            new JsonObject { ["title"] = "Discounting", ["body"] = "How does it work?" }), HttpStatusCode.Created);
        var posts = $"/api/courses/{courseId}/forum/threads/{thread.GetProperty("id").GetString()}/posts";
        await ReadAsync(await replier.PostAsJsonAsync(posts, new JsonObject { ["body"] = "Divide by (1+r)^t." }), HttpStatusCode.Created);

        var source = Assert.Single(await fixture.Mail.WaitForAsync($"{authorId}@example.org", "New reply in the forum"));
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", source, StringComparison.Ordinal);
        var token = AccountsFixture.TokenIn(source, "unsubscribe");
        using var anonymous = fixture.Platform.Client(admin: false);
        var unsubscribe = $"/api/mail/unsubscribe?token={Uri.EscapeDataString(token)}";
        var read = await ReadAsync(await anonymous.GetAsync(new Uri(unsubscribe, UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal("forum", read.GetProperty("category").GetString());
        Assert.False(read.GetProperty("unsubscribed").GetBoolean());
        using (var preferences = await fixture.SignedInAsync(authorId, Password))
        {
            var unchanged = await ReadAsync(await preferences.GetAsync(new Uri("/api/account/mail-preferences", UriKind.Relative)), HttpStatusCode.OK);
            Assert.Empty(unchanged.GetProperty("optedOut").EnumerateArray());
        }

        await Problem.AssertAsync(await anonymous.PostAsync(new Uri(unsubscribe + "x", UriKind.Relative), null), HttpStatusCode.BadRequest, "token");
        await ReadAsync(await anonymous.PostAsync(new Uri(unsubscribe, UriKind.Relative), null), HttpStatusCode.OK);
        var after = await ReadAsync(await author.GetAsync(new Uri("/api/account/mail-preferences", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(["forum"], after.GetProperty("optedOut").EnumerateArray().Select(e => e.GetString()));

        // Switched off: the next reply reaches the inbox, not the mailbox.
        await ReadAsync(await replier.PostAsJsonAsync(posts, new JsonObject { ["body"] = "And (1+r)^-t is the discount factor." }), HttpStatusCode.Created);
        var inbox = $"/api/learners/{authorId}/notifications";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReadAsync(await author.GetAsync(new Uri(inbox, UriKind.Relative)), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("kind").GetString() == "forum-reply") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second reply never reached the inbox");
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await fixture.Mail.WaitForAsync($"{authorId}@example.org", "New reply in the forum"));

        // Preferences through the page's route: validated, replaced as a whole.
        await Problem.AssertAsync(await author.PutAsJsonAsync("/api/account/mail-preferences",
            new JsonObject { ["optedOut"] = new JsonArray("account") }), HttpStatusCode.BadRequest, "optedOut[0]");
        var replaced = await ReadAsync(await author.PutAsJsonAsync("/api/account/mail-preferences",
            new JsonObject { ["optedOut"] = new JsonArray("reminders", "webinars") }), HttpStatusCode.OK);
        Assert.Equal(["reminders", "webinars"], replaced.GetProperty("optedOut").EnumerateArray().Select(e => e.GetString()));
    }
}
