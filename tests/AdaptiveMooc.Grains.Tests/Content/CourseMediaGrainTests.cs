using AdaptiveMooc.Grains.Abstractions.Media;

namespace AdaptiveMooc.Grains.Tests.Content;

[Collection(ClusterCollection.Name)]
public sealed class CourseMediaGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Files_are_counted_once_and_the_course_limits_hold()
    {
        var grain = fixture.Client.GetGrain<ICourseMediaGrain>(TestData.NewId("course"));
        var limits = new MediaLimits(MaxCourseBytes: 1000, MaxCourseFiles: 2);

        Assert.Equal(MediaRegistration.Added, await grain.Register(File('a', 600), limits));
        Assert.Equal(MediaRegistration.AlreadyPresent, await grain.Register(File('a', 600), limits));
        Assert.Equal(MediaRegistration.OverCourseLimit, await grain.Register(File('b', 401), limits));
        Assert.Equal(MediaRegistration.Added, await grain.Register(File('c', 400), limits));
        Assert.Equal(MediaRegistration.OverCourseLimit, await grain.Register(File('d', 1), limits));

        Assert.Equal(1000, await grain.UsedBytes());
        Assert.Equal(2, (await grain.List()).Count);
        Assert.Null(await grain.Get(new string('b', 64)));
    }

    [Fact]
    public async Task Concurrent_uploads_cannot_both_take_the_last_bytes()
    {
        var grain = fixture.Client.GetGrain<ICourseMediaGrain>(TestData.NewId("course"));
        var limits = new MediaLimits(MaxCourseBytes: 1000, MaxCourseFiles: 100);

        var answers = await Task.WhenAll("0123456789".Select(c => grain.Register(File(c, 300), limits)));

        Assert.Equal(3, answers.Count(a => a == MediaRegistration.Added));
        Assert.Equal(900, await grain.UsedBytes());
    }

    private static MediaFile File(char digit, long size) =>
        new(new string(char.IsAsciiDigit(digit) || digit is >= 'a' and <= 'f' ? digit : 'f', 64), "video/mp4", size, "clip.mp4", "trainer-1", T0);
}
