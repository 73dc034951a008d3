global using Pipeline.Chinese;
global using Pipeline.Facts;
global using Pipeline.Recognition;
global using Pipeline.Cleaning;
global using Pipeline.Recognition.English;
