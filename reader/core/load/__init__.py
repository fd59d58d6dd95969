"""The first stage of the pipeline: files and texts become cleaned, classified and segmented `Article` records.

`inputs` reads paths (files, one folder) or texts and decodes them (`textclean`), HTML through `htmltext`;
`layout` gives every line its kind (headline, byline, bullet, paragraph, boilerplate) using `lineshape`,
`metadata` and `boilerplate`; `segment` splits the blocks into sentences with character offsets. Nothing here
needs a model.
"""
