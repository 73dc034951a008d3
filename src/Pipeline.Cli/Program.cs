using System;
using Pipeline.Cli;

return Cli.Run(args, Console.Out, Console.Error);
