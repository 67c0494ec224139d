using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LearnerGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Registration_is_unique_by_id_and_by_email_ignoring_case()
    {
        var id = TestData.NewId("ada");
        var email = $"{id}@Example.org";
        var grain = fixture.Client.GetGrain<ILearnerGrain>(id);

        Assert.Equal(CommandStatus.Created, (await grain.Register(TestData.Learner(id, email))).Status);
        Assert.Equal("id", (await grain.Register(TestData.Learner(id, email))).Field);

        var other = TestData.NewId("bob");
        var clash = await fixture.Client.GetGrain<ILearnerGrain>(other).Register(TestData.Learner(other, email.ToUpperInvariant()));
        Assert.Equal(CommandStatus.Conflict, clash.Status);
        Assert.Equal("email", clash.Field);
        Assert.Null(await fixture.Client.GetGrain<ILearnerGrain>(other).GetProfile());

        var owner = await fixture.Client.GetGrain<IEmailIndexGrain>(IEmailIndexGrain.KeyOf(email)).Resolve();
        Assert.Equal(new EmailOwner(EmailOwner.Learner, id), owner);
        Assert.Equal("hash", await grain.GetPasswordHash());
    }

    [Fact]
    public async Task Enrolment_needs_a_published_course()
    {
        var (learner, courseId) = await LearnerAndCourse(publish: false);

        var result = await learner.Enroll(new EnrolmentRequest(courseId, null, null, Now));

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Empty(await learner.GetEnrolments());
    }

    [Fact]
    public async Task Enrolment_in_an_unknown_course_is_not_found()
    {
        var (learner, _) = await LearnerAndCourse(publish: true);

        Assert.Equal(CommandStatus.NotFound, (await learner.Enroll(new EnrolmentRequest(TestData.NewId("ghost"), null, null, Now))).Status);
    }

    [Fact]
    public async Task Free_enrolment_is_recorded_once_and_can_be_withdrawn()
    {
        var (learner, courseId) = await LearnerAndCourse(publish: true);

        Assert.Equal(CommandStatus.Created, (await learner.Enroll(new EnrolmentRequest(courseId, new DateOnly(2026, 6, 1), null, Now))).Status);
        Assert.Equal(CommandStatus.Conflict, (await learner.Enroll(new EnrolmentRequest(courseId, null, null, Now))).Status);
        Assert.Equal(CommandStatus.Invalid, (await learner.Withdraw(courseId, Now.AddDays(-1), null)).Status);
        Assert.Equal(CommandStatus.Ok, (await learner.Withdraw(courseId, Now.AddDays(1), "moving")).Status);

        var enrolment = Assert.Single(await learner.GetEnrolments());
        Assert.False(enrolment.Active);
        Assert.Equal("moving", enrolment.WithdrawalReason);
    }

    [Fact]
    public async Task Paid_enrolment_needs_access_and_a_withdrawn_source_closes_it_again()
    {
        var (learner, courseId) = await LearnerAndCourse(publish: true, new Pricing(Pricing.Paid, 49m, "EUR"));
        var learnerId = learner.GetPrimaryKeyString();

        var refused = await learner.Enroll(new EnrolmentRequest(courseId, null, null, Now));
        Assert.Equal(CommandStatus.Forbidden, refused.Status);
        Assert.Equal("courseId", refused.Field);
        Assert.Empty(await learner.GetEnrolments());

        var entitlement = fixture.Client.GetGrain<ICourseEntitlementGrain>(ICourseEntitlementGrain.KeyOf(learnerId, courseId));
        await entitlement.Grant("grant:test", AccessSource.Grant, "admin", Now);
        await entitlement.Grant("grant:test", AccessSource.Grant, "admin", Now);
        Assert.Single(await entitlement.GetSources());
        Assert.Equal(CommandStatus.Created, (await learner.Enroll(new EnrolmentRequest(courseId, null, null, Now))).Status);

        await entitlement.Withdraw("grant:test", "refunded", Now.AddDays(1));
        Assert.False(await entitlement.HasAccess());
        var source = Assert.Single(await entitlement.GetSources());
        Assert.Equal("refunded", source.WithdrawalReason);

        // Another learner's access is their own.
        var otherId = TestData.NewId("eve");
        var other = fixture.Client.GetGrain<ILearnerGrain>(otherId);
        await other.Register(TestData.Learner(otherId));
        Assert.Equal(CommandStatus.Forbidden, (await other.Enroll(new EnrolmentRequest(courseId, null, null, Now))).Status);
    }

    [Fact]
    public async Task Availability_is_validated_by_the_grain_too()
    {
        var (learner, _) = await LearnerAndCourse(publish: false);
        AvailabilityWindow[] overlapping =
        [
            new(DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(20, 0)),
            new(DayOfWeek.Tuesday, new TimeOnly(19, 30), new TimeOnly(21, 0)),
        ];

        Assert.Equal("weeklyAvailability[1]", (await learner.UpdateAvailability(null, overlapping)).Field);
        Assert.Equal("timezone", (await learner.UpdateAvailability("Mars/Olympus", [])).Field);
        Assert.Equal(CommandStatus.Ok, (await learner.UpdateAvailability("America/New_York", [overlapping[0]])).Status);
        Assert.Equal("America/New_York", (await learner.GetProfile())!.TimeZone);
    }

    private async Task<(ILearnerGrain Learner, string CourseId)> LearnerAndCourse(bool publish, Pricing? pricing = null)
    {
        var courseId = TestData.NewId("course");
        var course = fixture.Client.GetGrain<ICourseGrain>(courseId);
        var definition = TestData.Course(courseId, pricing);
        if (pricing?.IsPaid == true)
        {
            definition = definition with { Certificate = new CertificateRule(CertificateRule.Certificate, 0.6) };
        }

        Assert.Equal(CommandStatus.Created, (await course.Create(definition, "trainer-1")).Status);
        if (publish)
        {
            await course.Publish();
        }

        var learnerId = TestData.NewId("learner");
        var learner = fixture.Client.GetGrain<ILearnerGrain>(learnerId);
        Assert.Equal(CommandStatus.Created, (await learner.Register(TestData.Learner(learnerId))).Status);
        return (learner, courseId);
    }
}
