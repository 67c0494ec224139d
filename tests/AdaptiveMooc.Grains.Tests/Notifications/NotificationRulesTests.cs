using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Notifications;

namespace AdaptiveMooc.Grains.Tests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_is_the_hex_HMAC_SHA256_of_the_body_and_verifies_only_that_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"session-reminder\"}");
        var signature = WebhookSignature.Sign("s3cret", body);

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), body));
        Assert.Equal(expected, signature);
        Assert.True(WebhookSignature.Verify("s3cret", body, signature));
        Assert.False(WebhookSignature.Verify("other", body, signature));
        Assert.False(WebhookSignature.Verify("s3cret", Encoding.UTF8.GetBytes("{}"), signature));
        Assert.False(WebhookSignature.Verify("s3cret", body, null));
    }

    [Fact]
    public void Secrets_are_random_and_long()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 40);
    }

    [Fact]
    public void Retries_back_off_exponentially_with_bounded_jitter_and_stop()
    {
        var delays = Enumerable.Range(1, RetrySchedule.MaxAttempts).Select(a => RetrySchedule.DelayAfter(a, "evt-1")).ToList();

        Assert.Null(delays[^1]);
        for (var attempt = 1; attempt < RetrySchedule.MaxAttempts; attempt++)
        {
            var nominal = RetrySchedule.First * Math.Pow(2, attempt - 1);
            nominal = nominal > RetrySchedule.Longest ? RetrySchedule.Longest : nominal;
            Assert.InRange(delays[attempt - 1]!.Value, nominal, nominal * 1.2);
        }

        Assert.Equal(RetrySchedule.DelayAfter(3, "evt-1"), RetrySchedule.DelayAfter(3, "evt-1"));
        Assert.Null(RetrySchedule.DelayAfter(0, "evt-1"));
    }

    [Fact]
    public void A_session_is_attended_only_with_activity_on_its_lessons_since_its_start()
    {
        var start = Now.AddDays(-1);
        var progress = new CourseProgress("c1", ["l1"], 50, 20, new Dictionary<string, double>(), Now.AddDays(-2), ["l1", "l2"], false, 3);

        Assert.False(DriftDetector.Attended(start, ["l1"], progress));
        Assert.True(DriftDetector.Attended(start, ["l1"], progress with { LastActivity = start.AddMinutes(5) }));
        Assert.True(DriftDetector.Attended(start, ["l3", "l2"], progress with { LastActivity = start }));
        Assert.False(DriftDetector.Attended(start, ["l3"], progress with { LastActivity = start.AddMinutes(5) }));
        Assert.False(DriftDetector.Attended(start, ["l1"], null));
    }

    [Fact]
    public void Inactivity_is_judged_against_the_learners_own_rhythm()
    {
        Assert.Equal(TimeSpan.FromDays(7), DriftDetector.AllowedGap([DayOfWeek.Monday, DayOfWeek.Thursday]));
        Assert.Equal(DriftDetector.ShortestAllowedGap, DriftDetector.AllowedGap(Enum.GetValues<DayOfWeek>()));
        Assert.Null(DriftDetector.AllowedGap([]));

        var twiceAWeek = DriftDetector.AllowedGap([DayOfWeek.Monday, DayOfWeek.Thursday]);
        Assert.Equal(0, DriftDetector.DaysInactive(Now.AddDays(-6), Now.AddDays(-60), Now, twiceAWeek));
        Assert.Equal(9, DriftDetector.DaysInactive(Now.AddDays(-9), Now.AddDays(-60), Now, twiceAWeek));
        // Never active: counted from enrolment.
        Assert.Equal(10, DriftDetector.DaysInactive(null, Now.AddDays(-10), Now, twiceAWeek));
        Assert.Equal(0, DriftDetector.DaysInactive(null, Now.AddDays(-10), Now, null));
    }
}
