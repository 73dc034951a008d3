using System;
using System.CommandLine;
using Pipeline.Chinese;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline convert [--profile t2s|hk2s|tw2s] &lt; in.txt</c>: Traditional to Simplified, standard input to output.</summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile")
        {
            Description = "t2s (default), hk2s for Hong Kong text, tw2s for Taiwan text (characters only; tw2sp is never used)",
            DefaultValueFactory = _ => "t2s",
        };
        profile.AcceptOnlyFromAmong("t2s", "hk2s", "tw2s");
        var command = new Command("convert", "Convert Traditional Chinese on standard input to Simplified on standard output (OpenCC with the project's overrides).")
        {
            profile,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(profile) switch { "hk2s" => ChineseProfile.HK2S, "tw2s" => ChineseProfile.TW2S, _ => ChineseProfile.T2S };
            ChineseConverter.Open(chosen).Convert(Console.In, parse.InvocationConfiguration.Output);
            return Cli.Ok;
        });
        return command;
    }
}
