/** One colour and letter per opinion group (A, B, C …), shared by the map, the lists and the resident page. */
export const groupColours = ['#1677ff', '#fa8c16', '#52c41a', '#722ed1', '#eb2f96'];
export const groupLetter = (index: number) => String.fromCharCode(65 + index);
export const groupColour = (index: number) => groupColours[index % groupColours.length] as string;
