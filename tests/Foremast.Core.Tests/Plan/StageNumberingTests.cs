using Foremast.Core.Plan;

namespace Foremast.Core.Tests.Plan;

public class StageNumberingTests
{
    [Fact]
    public void Assign_numbers_a_linear_chain_1_2_3_each_depending_on_the_previous()
    {
        var result = StageNumbering.Assign(["master", "master", "master"]);

        Assert.Equal(("1", Array.Empty<string>()), result[0]!.Value);
        Assert.Equal("2", result[1]!.Value.RefId);
        Assert.Equal(["1"], result[1]!.Value.Requisites);
        Assert.Equal(["2"], result[2]!.Value.Requisites);
    }

    [Fact]
    public void Assign_hangs_a_run_of_branches_off_the_mainline_stage_before_them()
    {
        var result = StageNumbering.Assign(["master", "master", "branch", "branch", "branch", "master"]);

        Assert.Equal(["200", "201", "202"], result.Skip(2).Take(3).Select(r => r!.Value.RefId));
        Assert.All(result.Skip(2).Take(3), r => Assert.Equal(["2"], r!.Value.Requisites));
        Assert.Equal("3", result[5]!.Value.RefId);
        Assert.Equal(["2"], result[5]!.Value.Requisites);
    }

    [Fact]
    public void Assign_restarts_branch_numbering_after_a_mainline_stage()
    {
        var result = StageNumbering.Assign(["master", "branch", "master", "branch", "branch"]);

        Assert.Equal(["1", "100", "2", "200", "201"], result.Select(r => r!.Value.RefId));
    }

    [Fact]
    public void Assign_leaves_other_ref_ids_untouched()
    {
        var result = StageNumbering.Assign(["master", "merge", "7"]);

        Assert.Null(result[1]);
        Assert.Null(result[2]);
    }
}
