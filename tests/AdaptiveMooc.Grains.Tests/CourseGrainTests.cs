using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CourseGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Created_course_is_read_back_and_created_only_once()
    {
        var id = TestData.NewId("course");
        var grain = fixture.Client.GetGrain<ICourseGrain>(id);

        Assert.Equal(CommandStatus.Created, (await grain.Create(TestData.Course(id), "trainer-1")).Status);
        var second = await grain.Create(TestData.Course(id), "trainer-2");

        Assert.Equal(CommandStatus.Conflict, second.Status);
        var snapshot = await grain.Get();
        Assert.NotNull(snapshot);
        Assert.Equal("trainer-1", snapshot.OwnerTrainerId);
        Assert.Equal(3, snapshot.Definition.AllLessons().Count());
        Assert.False(snapshot.Published);
    }

    [Fact]
    public async Task Publishing_twice_conflicts()
    {
        var id = TestData.NewId("course");
        var grain = fixture.Client.GetGrain<ICourseGrain>(id);
        await grain.Create(TestData.Course(id), "trainer-1");

        Assert.Equal(CommandStatus.Ok, (await grain.Publish()).Status);
        Assert.Equal(CommandStatus.Conflict, (await grain.Publish()).Status);
        Assert.True((await grain.Get())!.Published);
    }

    [Fact]
    public async Task Co_trainers_are_added_once()
    {
        var id = TestData.NewId("course");
        var grain = fixture.Client.GetGrain<ICourseGrain>(id);
        await grain.Create(TestData.Course(id), "owner");

        Assert.Equal(CommandStatus.Ok, (await grain.AddCoTrainer("helper")).Status);
        Assert.Equal(CommandStatus.Conflict, (await grain.AddCoTrainer("helper")).Status);
        Assert.Equal(CommandStatus.Conflict, (await grain.AddCoTrainer("owner")).Status);
        Assert.True((await grain.Get())!.IsTaughtBy("helper"));
    }

    [Fact]
    public async Task Invalid_definition_is_refused_and_nothing_is_stored()
    {
        var id = TestData.NewId("course");
        var grain = fixture.Client.GetGrain<ICourseGrain>(id);
        var course = TestData.Course(id);
        var broken = course with { Modules = [course.Modules![0] with { Lessons = [.. course.Modules[0].Lessons!, course.Modules[0].Lessons![0]] }] };

        var result = await grain.Create(broken, "trainer-1");

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("modules[0].lessons[3].id", result.Field);
        Assert.Null(await grain.Get());
    }

    [Fact]
    public async Task Catalogue_lists_published_courses_with_filters_and_paging()
    {
        var field = TestData.NewId("field");
        var ids = Enumerable.Range(0, 3).Select(i => $"{field}-c{i}").ToList();
        foreach (var id in ids)
        {
            var grain = fixture.Client.GetGrain<ICourseGrain>(id);
            await grain.Create(TestData.Course(id) with { Field = field }, "trainer-1");
            if (id != ids[2])
            {
                await grain.Publish();
            }
        }

        var catalogue = fixture.Client.GetGrain<ICourseCatalogueGrain>(ICourseCatalogueGrain.Key);
        var first = await catalogue.List(new CatalogueQuery(field, null, null, null, 1, null, false));
        var second = await catalogue.List(new CatalogueQuery(field, null, null, first.Next, 1, null, false));
        var owner = await catalogue.List(new CatalogueQuery(field, null, null, null, 10, "trainer-1", false));

        Assert.Equal([ids[0]], first.Items.Select(c => c.Id));
        Assert.Equal([ids[1]], second.Items.Select(c => c.Id));
        Assert.Null(second.Next);
        Assert.Equal(ids, owner.Items.Select(c => c.Id));
    }
}
