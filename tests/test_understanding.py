"""Question understanding: every word accounted for, or the question refused by name (issue 11's table)."""
import json
import subprocess
import sys

import pytest

from bot.answer import Answerer
from bot.parse import parse
from bot.settings import PROJECT_ROOT, Settings
from bot.slack.blocks import error_message, limit_problems
from bot.vocabulary import Vocabulary

# (question, the answer must contain, or None when it must be refused; words a refusal must name)
CASES = [
    ("gun crime 2012/13", None, ["gun"]),
    ("asb in hastings", None, ["Hastings"]),
    ("asb margate", None, ["Margate", "Thanet"]),
    ("burglary over three years", ["Burglary - dwelling", "2010/11", "2012/13", "438"], []),
    ("where is criminal damage highest", None, ["Criminal damage"]),
    ("least deprived district", ["Sevenoaks", "276"], []),
    ("most deprived district in kent", ["Thanet"], []),
    ("thefts from vehicles", ["Theft from a motor vehicle", "577"], []),
    ("thefts from cars 2011/12", ["Theft from a motor vehicle", "530"], []),
    ("what is maidstone's rank for shoplifting", ["10 of 12", "declined"], []),
    ("where do we rank for robbery", ["Robbery", "of 12"], []),
    ("which ward has the most anti-social behaviour", ["High Street has the most", "911"], []),
    ("is criminal damage going down", ["Yes", "went down", "-118", "-8.5%"], []),
    ("has asb gone up or down", ["went down", "-1,056"], []),
    ("q4 2012/13 outcome rate", ["37.4%", "774", "2,070"], []),
    ("outcome rate jul-sep 2013", ["31.6%", "782", "2,471"], []),
    ("deprivation maidstone", ["217"], []),
    ("outcome rate september 2013", ["31.7%", "277 outcomes of 874 crimes"], []),
    ("how many crimes in sept 2013", ["874", "year to date", "4,643"], []),
    ("offenses of shoplifting 2012/13", ["994"], []),
    ("crime in the east", None, ["east", "East ward"]),
    ("oakwood ward asb", None, ["oakwood"]),
    ("forced marriage", None, ["marriage"]),
    ("drink driving maidstone", None, ["drink driving"]),
    ("domestic abuse park wood", None, ["Park Wood", "no figure"]),
    ("is dv bad in park wood", ["Park Wood", "no figure", "High Street"], []),
    ("hello", None, ["hello"]),
    ("shoplifting 2008/09", None, ["2008/09"]),
    ("asb and criminal damage", ["Anti-social behaviour in Maidstone", "4,326", "Criminal damage in Maidstone"], []),
    # two names that are parts of one longer name; a word beside a name that is tied between two
    ("what % of car drivers in crashes are 17-24", ["Car drivers in crashes who were aged 17-24"], []),
    ("18-24 unemployed july 2012", ["Unemployed who are aged 18-24"], []),
    # a place's words that are the figure's own name ('town centre' is also High Street ward)
    ("how many shops in the town centre", ["Town centre shops", "Maidstone"], []),
    # no place named, and the data has the figure for one area only: that area, said so
    ("what does the spc bandwidth show", ["Kent & Medway", "for Kent & Medway only"], []),
    ("road deaths maidstone", None, ["Maidstone", "Kent (KCC area)"]),
    # 'vs' with one place: ours beside it, with our county rank
    ("drugs offences rate v county average", ["Maidstone 2.66 (county rank 10 of 12)", "Kent (KCC area) 2.16"], []),
    ("flytipping perception vs kcc avg", ["Maidstone 10.2%", "Kent (KCC area) 9.3%"], []),
    # the biggest changes over the categories, by volume or by %
    ("biggest volume reductions 2012/13", ["Anti-social behaviour", "-1,056"], []),
    ("largest % falls 12/13", ["-69.2%", "categories of the county table"], []),
    ("theft rank went 8th to 9th", ["Theft & handling", "of 12"], []),
    ("1st time entrants", ["first time"], []),
    ("theft of m/v 2012/13", ["Theft of a motor vehicle"], []),
    # 'the top 3 wards': the hotspots with their share together, not the one highest
    ("what share of asb happens in the worst three wards", ["High Street 911", "Fant 333", "together 36%"], []),
    # a span asked month by month
    ("outcome rate by month apr-dec 2013", ["32.4%", "29.7%", "month by month"], []),
    ("monthly recorded crime apr-dec 2013", ["6,937", "874", "month by month"], []),
    # year to date: the latest April-to-date span, or a plain refusal (never the full year instead)
    ("all crime ytd", ["April to September 2013", "+14.9%"], []),
    ("shepway north vap ytd 2013", ["Shepway North", "April to September 2013", "137"], []),
    ("asb ytd", None, ["year-to-date"]),
    ("spc band width latest", ["March 2013", "3,000"], []),
    # refusals echo the words that made them
    ("violence with injury 2012/13", None, ["violence with injury"]),
    ("why did shoplifting go up", None, ["'why'"]),
    ("asb next year", None, ["'next year'"]),
    # a word not understood is quoted with the qualifier before it; a place refused names the rest too
    ("county lines", None, ["'county lines'"]),
    ("how many police officers does maidstone have", None, ["'police officers'"]),
    ("east end knife crime", None, ["East End", "'knife crime'"]),
    # a family of figures answered together: named by its head, or two members named
    ("spc limits kent oct 2011", ["upper control limit 104,000", "lower control limit 102,000", "Kent & Medway"], []),
    ("what were the upper and lower limits in oct 2011", ["104,000", "102,000"], []),
    ("assault admissions male v female", ["male 85%", "female 15%"], []),
    ("kent crime control limits march 2013", ["98,000", "96,000"], []),
    # a county's own ranks beside the national ones; 'in kent' picks the county rank
    ("most deprived district in kent", ["Thanet", "rank among the 12 Kent districts", "national rank 49"], []),
    # a count with the rate it is the top of; direction of a span from its months; 'worse' where higher is better
    ("resolution outcomes apr-dec 2013", ["2,248", "of 6,937 crimes", "32.4%"], []),
    ("is the outcome rate getting worse", ["Yes", "went down (worse)", "-5.2 points"], []),
    ("is the outcome rate getting better", ["No", "went down (worse)"], []),
    # a misspelt word that starts a longer name
    ("vilence against the person 2012/13", ["Violence against the person", "1,570"], []),
    ("which 5 wards make up over half the asb", ["High Street 911", "Shepway North"], []),
    ("out of work benefits % maidstone and kent feb 2012", ["10.8%"], []),
    ("compare imd rank maidstone thanet 2010", ["Maidstone 217", "Thanet 49"], []),
    ("da incidents a week", ["34"], []),
    # two subjects joined by 'and': each answered in full, in the order asked
    ("how many accidental fires and deliberate fires were there 2012/13", ["Accidental fires in Maidstone", "187",
                                                                           "Deliberate fires in Maidstone"], []),
    # periods as partners write them
    ("how many asb incidents did we have in the year to march 2013", ["2012/13", "4,326"], []),
    ("burglary dwelling maidstone apr 12 - mar 13", ["2012/13", "438"], []),
    ("shoplifting this year vs last", ["994", "+81", "913"], []),
    # who is asking is not part of the question
    ("deliberate fires 2012/13 - kfrs wants the number", ["Deliberate fires", "76"], []),
    ("most deprived wards in maidstone - housing team asking", ["Park Wood", "High Street"], []),
    # a trend is the whole history the data gives, years and months alike, said so
    ("ksi long term trend maidstone", ["115", "89", "64", "58", "not all alike"], []),
    ("unemployment trend maidstone", ["2.3%", "2.5%", "1.8%"], []),
    # the changes side by side when a change is compared with the county; a national figure the data has
    ("vap increase us vs the county 2012/13", ["Maidstone +1.7%", "Kent (KCC area) +5.6%"], []),
    ("unemployment maidstone v kent v national nov 2013", ["2.9%", "the national figure it has is for Great Britain"], []),
    # an acronym of a source restates the figures it describes; a broader figure is never put in for a ward
    ("kcvs speeding vehicles 2012/13", ["Perception: speeding vehicles", "26.9%"], []),
    ("ksi casualties boxley 2012/13", None, ["Boxley"]),
    ("households", ["63,400"], []),
    # everyday words for crimes and people; who is asking; opinions refused as opinions
    ("how many cars broken into in maidstone 2012/13", ["Theft from a motor vehicle", "577"], []),
    ("peoples houses burgled 2012/13?", ["Burglary - dwelling", "438"], []),
    ("how many residents say speeding cars are a big problem", ["Perception: speeding vehicles", "26.9%"], []),
    ("are there fewer deliberate fires now", ["Yes", "went down", "-102"], []),
    ("how much did crime fall across the kent police area 2012/13", ["Kent & Medway", "-3,227"], []),
    ("which area of town is worst for drug crime", ["High Street", "204"], []),
    ("is monthly crime out of control? control chart", ["September 2013", "upper limit"], []),
    ("who runs the domestic abuse side of the violent crime priority", ["Domestic Abuse Sub-Group"], []),
    ("what do you think of the police and crime commissioner", None, ["not opinions", "what do you think"]),
    ("maidstone deprivation rank over time", ["270", "225", "217"], []),
    # facts the text states in words
    ("who chairs the smp", ["John Wilson"], []),
    ("when were pcc elections", ["15 November 2012", "22 November 2012"], []),
    ("how many powers does the asb bill replace", ["19 existing powers", "six new"], []),
    ("when do england play in the world cup", ["England v Italy", "Saturday 14 June 2014",
                                               "Thursday 19 June 2014", "printed 'Tuesday'"], []),
    ("resettlement pathways list", ["7 resettlement pathways", "Accommodation", "Finance, Benefit and Debt"], []),
    ("emerging county-wide priorities for the new kent community safety agreement 2014-17",
     ["Domestic Abuse", "Acquisitive Crime / Burglary", "Road Safety"], []),
    # a force's national rank 'as at' the last month of the year ranked
    ("kent police national rank march 2013", ["Kent & Medway", "national rank", "21"], []),
    ("where does kent police rank nationally for crime", ["21"], []),
    # ours beside the county when asked 'and county'; a district rank among the county's districts
    ("rtc casualties % change maidstone and county", ["Maidstone +4.1%", "Kent (KCC area) +0.5%"], []),
    ("deprivation rank among kent districts 2010", ["Maidstone", "rank 9"], []),
    ("should we scrap the asb sub-group", None, ["not opinions", "scrap"]),
    # a count and the rate of one subject: both, the rate for the count's period
    ("unemployed", ["Unemployed people (claimant count) in Maidstone, July 2012: 2,430",
                    "Unemployment rate (claimant count) in Maidstone, July 2012: 2.5%"], []),
    ("unemployed july 2012 maidstone kent and great britain", ["28,746", "3.2%", "3.8%"], []),
    # the glossary (Appendix 4), asked only in words that ask for a meaning: 'what is asb ...' stays a figure
    ("what does kdaat stand for", ["Kent Drugs and Alcohol Action Team"], []),
    ("what is a marac", ["Multi-Agency Risk Assessment Conference"], []),
    ("what does pcso stand for", ["Police Community Safety Officer", "usually called Police Community Support"], []),
    ("what is asb in maidstone", ["Anti-social behaviour in Maidstone", "4,326"], []),
    # phone-style words: every one accounted for, none dropped
    ("theft n handling stolen goods 2012/13", ["2,638", "-230"], []),
    ("whos the chair of the smp", ["John Wilson"], []),
    ("what are the smps priorities for 2014/15", ["priorities for 2014/15"], []),
    # a statement asked in its own words, though in no alias: the one statement that holds every word
    ("which organisations sit on the safer maidstone partnership", ["Golding Homes"], []),
    ("how much did crime drop across kent and medway in 2012/13?", ["Kent & Medway", "-3,227"], []),  # not 'across kent'
    ("where are we in kent for robbery", ["county rank for Robbery", "3 of 12"], []),
    ("hows shoplifting doing compared to the one before", ["994", "+81"], []),
    ("did all crime go up or down in the first half of 2013/14 (apr-sep 2013)?", ["April to September 2013", "+602"], []),
    ("drug offences trending down?", ["Drug offences", "-7"], []),
    ("total crime in maidstone over the last few yrs", ["2010/11", "8,296"], []),
    ("all the county rank movements for the board paper", ["county ranks 2012/13 against 2011/12"], []),
    ("how many people said speeding vehicles were a big problem in 2012/13", ["26.9%"], []),
    ("non domestic burglary 2012/2013", ["Burglary - other", "639"], []),
    ("asb on thursdays", None, ["thursdays"]),
    # a breakdown the data does not give is named, never dropped; one it gives is answered
    ("shoplifting by age group", None, ["by age group"]),
    ("population by ethnicity", None, ["by ethnicity"]),
    ("ksi 65+ by age", ["KSI road users aged 65 and over"], []),  # a qualifier the data cannot answer, not what the figures are for
    # newcomers' words: an apology, everyday names, 'how many times', the force area
    ("sorry if this is a silly question but how many people were repeat victims of domestic abuse in 2012/13",
     ["Domestic abuse - repeat victims", "435"], []),
    ("how many cars were stolen in maidstone in 2012/13?", ["Theft of a motor vehicle", "167"], []),
    ("stealing from cars 2012/13", ["Theft from a motor vehicle", "577"], []),
    ("how many fires were started on purpose in 2012/13", ["Deliberate fires"], []),
    ("people hurt on the roads in maidstone 2012/13", ["Road traffic collisions - all casualties", "666"], []),
    ("how many 18 year old drivers were in crashes in maidstone", ["Car drivers aged 18", "124"], []),
    ("kent seriously injured on roads 2011", ["People seriously injured on the roads in Kent", "476"], []),
    ("crime across kent and medway police area 2012/13", ["Kent & Medway", "-3,227"], []),
    ("kcvs - what does that stand for?", ["Kent Crime and Victimisation Survey"], []),
    ("how much asb was there in the town center in 2012/13?", ["Anti-social behaviour in High Street", "911"], []),
    ("domestic abuse change in maidstone vs whole county 2012/13", ["Maidstone -4.2%", "+1.5%"], []),
    ("how do we rank for things stolen from cars", ["county rank for Theft from a motor vehicle"], []),
    # the wards of the latest period the data has, largest first
    ("unemployment by ward", ["High Street 4.9%", "(November 2013)"], []),
    # busy people typing: the bot addressed by name, text-speak, years in words, the printed precision of a change
    ("@crimebot asb 2012/13", ["Anti-social behaviour in Maidstone, 2012/13", "4,326"], []),
    ("hey bot how many bikes nicked last yr", ["Theft of pedal cycle", "117"], []),
    ("total crime maidstone twenty twelve thirteen", ["All crime in Maidstone, 2012/13", "8,296"], []),
    ("parkwood asb no.", ["Park Wood", "342"], []),
    ("sexual offences up or dwn", ["went down", "-17"], []),
    ("is violent crime going up this yr", ["Yes", "+315 (+35%)"], []),
    ("did crime go up or down last yr", ["went down", "2012/13", "-577 (-6.5%)"], []),
    ("assualts resulting in hospital admission", ["Assaults resulting in hospital admission", "59"], []),
    # what the data holds beside the figure: a rank's count and change, a count's shares
    ("drug offences 2012/13 and our rank?", ["10 of 12", "415 crimes (-7, -1.7% on the year before)"], []),
    ("first time entrants youth justice", ["85 people", "identified as re-offending: 15.6%"], []),
    # two subjects set side by side; the home district beside every area given; the county average beside us
    ("accidental fires v deliberate fires 12/13", ["Accidental fires", "187", "Deliberate fires", "-102"], []),
    ("crime apr-sep 2013 maidstone v kent districts", ["Maidstone +14.9%", "Kent (KCC area) +12.2%"], []),
    ("drunk or rowdy perception maidstone compared to kcc average", ["Maidstone 8.4%", "9.6%"], []),
    ("recorded crime first half of 2013", ["January 2013 to June 2013", "4,242"], []),
    ("control limits oct 2011", ["Kent & Medway", "104,000", "102,000"], []),
    ("wards with most pedestrian casualties", ["High Street", "Park Wood"], []),
    ("kent force ranked where nationally", ["national rank", "21"], []),
    ("deliberate fires 12/13 and where does that put us in kent?", ["county rank for Deliberate fires", "3 of 12"], []),
    # figures quoted to be checked: each one's verdict leads the answer
    ("asb down? is it right it fell 20%", ["Checked: -20% is right, rounded (2012/13: -19.6%)"], []),
    ("asb wards 911 342 333 is that right", ["Checked: 911 is right (High Street: 911); 342 is right (Park Wood: 342); "
                                             "333 is right (Fant: 333)"], []),
    ("i heard asb rose 20% in 2012/13", ["+20% is not right: 2012/13 is -19.6%, the other way"], []),
    ("shoplifting was 1,200 in 2012/13 is that right", ["1,200 is not right: 2012/13 is 994"], []),
    ("we are 4th for asb is that right", ["4th is right", "county rank for Anti-social behaviour"], []),
    ("asb rate 27.7 is that right", ["27.7 is close (2012/13: 27.77)"], []),
    # a figure is right only for what was asked: another year's, month's, place's or ward's is said to be so
    ("shoplifting was 971 in 2012/13 is that right", ["971 is not right: 2012/13 is 994 (971 is 2010/11's figure)"], []),
    ("all crime fell 12.9% in 2012/13 is that right", ["-12.9% is not right: 2012/13 is -6.5% (-12.9% is 2011/12's"], []),
    ("outcome rate september 2013 was 30.5% is that right", ["30.5% is not right: September 2013 is 31.7%"], []),
    ("vap in maidstone rose 5.6% in 2012/13 is that right", ["+5.6% is not right: 2012/13 is +1.7% (+5.6% is Kent"], []),
    ("asb wards high street 342 park wood 911 is that right", ["342 is not right: High Street is 911",
                                                               "911 is not right: Park Wood is 342"], []),
    ("shoplifting 2012/13 was 10 is that right", ["10 is not right"], []),
    ("deliberate fires 76 in 2012/13 is that right", ["76 is right (2012/13: 76)"], []),
    ("ksi road users aged 65 and over 4 in 2012/13 is that right", ["Checked: 4 is right", "KSI road users aged 65"], []),
    ("i heard asb fell by over 1000", ["over 1,000 down is right (2012/13: -1,056)"], []),
    ("i heard asb was less than 4000 in 2012/13", ["under 4,000 is not right: 2012/13 is 4,326"], []),
    ("outcome rate 2012/13 37.6 is that right", ["37.6 is right (2012/13: 37.6%)"], []),
    ("gun crime 50 is that right", None, ["gun"]),
    # a figure quoted as the assessment printed it, where the data check corrected the print
    ("crim damage 12/13 - table 3.1 prints 1.277, whats the actual count",
     ["1.277 is what the assessment printed (section 3.1, 2012/13: 1.277); the data has 1,277"], []),
    ("ksi 65+ % change 12/13, the table has -225% which cant be right", ["-225% is what the assessment printed", "-69.2%"], []),
    ("5.2 gives vap as 1,579 for 2012/13, correct figure pls", ["1,579 is what the assessment printed", "1,570 crimes"], []),
    ("cautions 2012-13, the total row says 671 but that looks like 13 months", ["the data has 621"], []),
    # analysts' shorthand: w/, % chg, percentage points, the same quarters a year before, Kent excluding Medway
    ("outcome rate q4 2012/13 w/ counts", ["37.4%", "774 outcomes of 2,070 crimes"], []),
    ("% repeat victims DA 12/13 - percentage point change on 11/12?", ["24.2%", "24.3%", "+0.1 points"], []),
    ("maidstone crime apr-sep 2013 v same 2 qtrs 2012", ["+602 (+14.9%) on the same period a year before"], []),
    ("kent districts (excl medway) all crime change apr to sep 2013", ["Kent (KCC area)", "+12.2%"], []),
    ("vap hotspot wards fy to sept 2013", ["High Street 545", "April to September 2013"], []),
    ("violent crime rising in 2013/14 so far?", ["Yes", "+315"], []),
    ("3.1 rank movers", ["14 improved"], []),
    ("vandalism/graffiti perception county position 12/13", ["2 of 12", "5.4%"], []),
    ("claimant count maidstone jul 2012 + monthly and annual change", ["+14 (+0.6%) against June 2012"], []),
    ("are charges per month within normal limits, spc chart", ["natural process limits"], []),
    # an earlier period asked that the data lacks is said, never dropped
    ("robbery 2009/10 vs 2012/13", None, ["2009/10", "2010/11"]),
    ("accidental and deliberate fires 12/13", ["Accidental fires", "187", "Deliberate fires", "-102"], []),
    ("im chairing the road safety sub group, what are my numbers", ["Road Safety", "owned by Road Safety Sub-Group"], []),
    ("which crimes did maidstone improve its county ranking on 2012/13", ["14 improved (", "Robbery"], []),
    ("what categories slipped in the county rankings 2012/13", ["8 declined (", "Shoplifting"], []),
    ("where did we hold our position in the rankings", ["9 unchanged (Anti-social behaviour"], []),
    # dictated questions: spoken years and numbers, split words, homophones, fillers, the setting before the question
    ("um so basically how many shop lifting offences did we have in maid stone twenty twelve to thirteen",
     ["Shoplifting in Maidstone, 2012/13", "994"], []),
    ("criminal damage figure maidstone twelve thirteen", ["Criminal damage in Maidstone, 2012/13"], []),
    ("theft and handling stolen goods maidstone two thousand and twelve to two thousand and thirteen",
     ["Theft & handling stolen goods in Maidstone, 2012/13", "2,638"], []),
    ("domestic abuse incidents in maidstone for the year ending march two thousand and thirteen",
     ["Domestic abuse - incidents in Maidstone, 2012/13", "1,788"], []),
    ("wear do we rank for robbery", ["county rank for Robbery"], []),
    ("how many sexual offences wear there in maidstone in twenty twelve thirteen", ["Sexual offences in Maidstone", "112"], []),
    ("outcome rate quarter one twenty thirteen fourteen", ["Q1 2013/14"], []),
    ("ksi young drivers seventeen too twenty four maidstone twenty twelve thirteen", ["KSI car drivers aged 17-24"], []),
    ("average ksi per year nineteen ninety four to ninety eight", ["1994", "1998"], []),
    ("who chairs the s m p", ["chaired by"], []),
    ("im going into the board meeting and they will ask about dwelling burglary so what was it for the year ending "
     "march two thousand and thirteen", ["Burglary - dwelling in Maidstone, 2012/13"], []),
    ("im in with the chief exec in five minutes is crime going down in maidstone twenty twelve thirteen",
     ["went down", "2012/13"], []),
    ("drug offences twenty oh six oh seven maidstone", None, ["2006/07"]),
    ("shop lifting nineteen ninety nine", None, ["1999"]),
    # every category that moved the way asked; a question of what to do is refused; greetings before the question
    ("which crimes went up in 2012/13", ["7 crime categories rose in Maidstone, 2012/13: Metal theft +92"], []),
    ("which crime types fell in 2012/13", ["8 crime categories fell", "Other theft offences -308"], []),
    ("should the smp drop road safety as a priority?", None, ["not opinions"]),
    ("hi", None, ["hi"]),
    ("what does KSI stand for", ["Killed or Seriously Injured"], []),
    ("violent crime q1-q2 2013/14", ["April to September 2013", "+315"], []),
    ("Morning all - prepping for the CSP board tomorrow, can someone (or the bot!) tell me how many theft from motor "
     "vehicle offences we had in 2012/13?", ["Theft from a motor vehicle in Maidstone, 2012/13", "577"], []),
    ("hi crimebot, mark here from golding homes - how many asb incidents in park wood?", ["Park Wood", "342"], []),
    ("how much has crime fallen since 2009-10 in maidstone", ["-11.8% against 2009/10"], []),
    # the worst deprivation is the most deprived, though rank 1 is the lowest number (it answered the least deprived)
    ("where in the borough is deprivation worst - which wards?", ["Ward hotspots", "Park Wood", "High Street"], []),
    ("which wards are best for deprivation", ["Bearsted", "least deprived"], []),
    # the biggest rise is over the changes; a ward's rank with its figures; the other words a partner puts around
    ("which district had the biggest rise in people worried about speeding", ["Tonbridge & Malling", "7.8"], []),
    ("which ward in kent has the highest drug offence rate", ["High Street", "20.9 per 1,000"], []),
    ("recorded crime q2 2013/14 (jul-sep)", ["Q2 2013/14", "2,471"], []),
    ("How much did crime fall across Kent and Medway (the force area) in 2012/13?", ["Kent & Medway", "-3,227"], []),
    ("ranking movements v 2011/12 for every category pls", ["county ranks 2012/13 against 2011/12"], []),
    ("league table positions against the other 11 districts, every category", ["14 improved"], []),
    ("can you chart shoplifting over the 3 years", ["Shoplifting, Maidstone", "2010/11 to 2012/13"], []),
    ("how many fires did we attend in 12/13", None, ["fires"]),
    ("which crimes did not go down in 2012/13", ["7 crime categories did not fall (rose or held level)", "Robbery +1"], []),
    ("which crimes went down in 2012/13", ["8 crime categories fell", "Theft of pedal cycle -3"], []),
    # a category left out of a list, as asked; refused for any other kind of answer
    ("other than shoplifting, what went up", ["crime categories rose", "Metal theft +92"], []),
    ("which crimes went up in 2012/13 apart from metal theft", ["6 crime categories rose", "Shoplifting +81"], []),
    ("everything except asb - rank moves?", ["14 improved, 8 unchanged, 8 declined"], []),
    ("crime other than asb 2012/13", None, ["other than anti-social behaviour"]),
    # a section or table named beside the subject: the subject's figure, and where it is from when elsewhere
    ("section 3.2 shoplifting", ["994", "You named section 3.2; these figures are from Strategic Assessment section 3.1"], []),
    ("section 5.6 pedestrians ksi 12-13", ["KSI pedestrians in Maidstone, 2012/13", "8 casualties"], []),
    ("table 3 unemployed maidstone july 2012", ["2,430", "2.5%"], []),
    # a clause about the asker or why they ask is left aside, and said so; a clause with a subject, place or
    # period, or with no word about the asker, is never left aside
    ("asb park wood 2012/13 - for our tenancy team", ["342", "Left aside as context", "for our tenancy team"], []),
    ("arson 2012/13 pls - station mgr", ["Deliberate fires", "'station mgr'"], []),
    ("family work conflict outcomes in oct 2013? not sure what those are tbh", ["15 outcomes"], []),
    ("asb on trains - for our team", None, ["trains"]),
    ("asb 2012/13 - juveniles", None, ["juveniles"]),
    ("asb 2012/13 - for our team in hastings", None, ["Hastings"]),
    ("when do england play italy in the world cup? thinking about extra patrols", ["England v Italy"], []),
    # three or more periods named: each of them, or refused naming the one the data lacks
    ("deprivation rank maidstone 2004, 2007 and 2010", ["2004 270; 2007 225; 2010 217"], []),
    ("asb 2009/10, 2010/11 and 2011/12", None, ["2009/10"]),
    # one month of a monthly series against the control limits; a month the series lacks is refused by name
    ("was sept 2013 maidstone crime volume outside the control limits", ["September 2013: 874, above the upper limit"],
     []),
    ("spc outcome rate oct 2012", ["October 2012: 40.1%, within the limits"], []),
    ("was crime in may 2014 outside control limits", None, ["May 2014"]),
    # over the districts, the county's name says where they are: a measure named without it wins
    ("least deprived kent district on the 2010 national imd?", ["Sevenoaks", "national rank (1 = most deprived of 326) 276"], []),
    ("maidstone deprivation rank in kent", ["rank 9 of 12; no change in rank against 2007"], []),
    # everyday words for the data's terms; words that only stress ('actually', 'altogether'); months of a year
    ("things stolen out of parked cars in 2011/12 - how many?", ["Theft from a motor vehicle", "530"], []),
    ("how many crimes of people damaging property were there in 2011/12", ["Criminal damage", "1,395"], []),
    ("burglary of non-residential buildings - up or down in 12/13?", ["Burglary - other", "-42"], []),
    ("parking problems outside the school in coxheath", None, ["parking"]),
    ("who actually chairs the safer maidstone partnership?", ["John Wilson"], []),
    ("smp chairman name?", ["John Wilson"], []),
    ("vap change 2012/13 - maidstone against kent as a whole", ["Maidstone +1.7%", "Kent (KCC area) +5.6%"], []),
    ("where are we for road casualties in the county", ["Maidstone", "county rank 12 of 12"], []),
    ("asb numbers year by year please, 2010/11 onwards", ["2010/11 5,254; 2011/12 5,382; 2012/13 4,326"], []),
    ("hospital admissions for drink or drugs between june 2012 and may 2013", ["June 2012 to May 2013", "235"], []),
    ("resolution rate for q4 of 2012/13 (jan-mar)", ["37.4%", "774 outcomes of 2,070"], []),
    ("any special cause variation in charges?", ["Outcomes - charge", "natural process limits"], []),
    ("what did we improve on in the kent rankings compared with 2011/12", ["Maidstone's county ranks", "14 improved"],
     []),
    # no figure for the place, but the assessment says which way it went: that, with no figure made up
    ("did crime go up or down in ashford in 2012/13", ["did not fall", "one of the four districts",
                                                       "gives no all crime figure"], []),
    ("when are englands world cup group games, planning extra nte patrols", ["England v Italy", "Left aside"], []),
    ("asb 2012/13, planning extra patrols in hastings", None, ["Hastings"]),
    ("shoplifting 2012/13 - thinking about asb too", None, ["Shoplifting", "Anti-social behaviour"]),
    ("hi all, for thursday's community safety meeting could someone tell me how many domestic abuse incidents we had "
     "in 2012/2013 and whether that's up or down on the year before? thanks", ["went down", "1,788", "-79"], []),
    ("data for the reducing reoffending group meeting", ["Re-offending"], []),
    ("what was the outcome rate in sept 13, with the volumes", ["31.7%", "277 outcomes of 874 crimes"], []),
    ("crime this year so far compared to same period last year", ["+602 (+14.9%)"], []),
    # the districts that moved the way asked; a district said only 'not to have fallen' is never listed as a rise
    ("in which kent districts did crime not go down in 2012/13", ["did not fall (rose or held level) in 4 of",
                                                                  "Ashford; Gravesham; Sevenoaks; Shepway"], []),
    ("which kent districts saw crime rise in 2012/13", ["shows none where All crime rose",
                                                        "says only that Ashford"], []),
    ("which districts had an increase in crime apr-sep 2013", ["rose in all 12 districts", "Maidstone +602 (+14.9%)", "Thanet +937 (+18.7%)"], []),
    ("which districts saw crime fall in 2012/13", ["fell in 8 of", "Canterbury", "Maidstone -577 (-6.5%)"], []),
    ("which districts saw crime rise april to september 2013", ["rose in all 12 districts", "Thanet +937 (+18.7%)"], []),
    ("did crime go down in dover in 2012/13", ["Dover fell in 2012/13, the assessment says",
                                               "gives no all crime figure"], []),
    # a tail about who asks is left aside only when what it asks names nothing: a place, period, part of the
    # subject or narrowing word after 'need', 'wants' or 'asking' is part of the question
    ("asb, need it for hastings", None, ["Hastings"]),
    ("asb - kfrs asking about hastings", None, ["Hastings"]),
    ("shoplifting, need it for 2010/11", ["Shoplifting in Maidstone, 2010/11: 971"], []),
    ("deliberate fires, kfrs needs the 2011/12 number", ["2011/12: 178"], []),
    ("burglary, housing team asking about sheds", None, ["sheds", "Burglary - other"]),
    ("asb - board wants all crime too", None, ["board"]),
    ("asb 2012/13 - housing team asking", ["4,326", "Left aside as context", "housing team asking"], []),
    ("deliberate fires down or up? fire service asking", ["Deliberate fires"], []),
    ("shoplifting figs for 12/13 pls - need them for the task & finish grp", ["994"], []),
    # a clause with a word that narrows the subject, a time or a place is never left aside
    ("burglary maidstone - our team only does commercial premises", None, ["premises"]),
    ("shoplifting maidstone, i only deal with juveniles", None, ["juveniles"]),
    ("all crime maidstone (i only care about weekends)", None, ["weekends"]),
    ("burglary maidstone - my patch is rural villages", None, ["rural villages"]),
    ("asb maidstone, thinking about juvenile asb only", None, ["juvenile"]),
    # a clause is left aside only when every word in it is about the asker (or said in the question itself)
    ("violent crime - our team leaves out the domestic ones", None, ["domestic"]),
    ("burglary, we don't count garages", None, ["garages"]),
    ("asb, the board wants the hotspots", None, ["board"]),
    ("criminal damage - my team deals with serious cases", None, ["serious"]),
    ("violent crime - planning extra patrols for domestic cases", None, ["domestic"]),
    ("asb figures - our team patrols mote park", None, ["mote park"]),
    ("asb, kfrs want it for the olympics", None, ["olympics"]),
    ("Quick one from housing: how many asb incidents did Fant ward have? residents meeting tonight",
     ["Fant", "333", "quick one from housing"], []),
    ("what does the spc chart for kent crime show? (im a student, not sure what spc is)", ["Kent & Medway"], []),
    ("which districts saw crime increase last year", ["shows none where All crime rose, 2012/13"], []),
    # 'vandalism' alone is criminal damage or the survey question: asked back; either named is answered
    ("how bad is vandalism in maidstone", None, ["Criminal damage", "Perception: vandalism"]),
    ("vandalism crimes 2012/13", ["Criminal damage in Maidstone, 2012/13"], []),
    ("% who think vandalism is a big problem", ["Perception: vandalism", "5.4%"], []),
    # who the figures are for, at the end, for named kinds of paper only: never a place
    ("sexual offences 2012-13 figure for the press release pls", ["Sexual offences in Maidstone, 2012/13: 112"], []),
    ("all our county rankings in one list please, cllr wants them for scrutiny", ["14 improved"], []),
    ("asb for the town centre report", ["High Street", "911"], []),
    ("how many asb incidents did we log in 2011/12?", ["5,382"], []),
    ("robbery 1999/2000", None, ["1999/00"]),
    # the text's own words on which district is highest, from any of its tables (1.2 here, beside 3.1's figure)
    ("highest road casualties in kent", ["Maidstone", "Highest number of RTC casualties in the county"], []),
    ("unemployment nationally", ["Great Britain", "2.9%", "the national figure it has is for Great Britain"], []),
    ("how does maidstone unemployment compare nationally", ["Maidstone 1.8%", "Great Britain 2.9%"], []),
    ("which districts did not see crime go down in 2012/13", ["did not fall (rose or held level) in 4 of"], []),
    ("which kent district ranks most deprived nationally", ["Thanet", "national rank (1 = most deprived of 326) 49"], []),
    # a month judged against the limits needs its series: asked back with the series
    ("was sept 2013 outside the control limits", None, ["Which monthly series", "Recorded crime"]),
    ("outcome rate june 2013 onwards", ["June 2013 to December 2013"], []),
    ("deprivation rank maidstone 2007 onwards", ["2007 225; 2010 217"], []),
    # wards that moved: the data has no ward's change, said so, never the borough's direction instead
    ("which wards saw crime rise in 2012/13", None, ["no ward's change", "which wards rose"]),
    ("which wards saw asb fall", None, ["no ward's change", "anti-social behaviour wards"]),
    ("where did crime not fall in 2012/13", ["did not fall (rose or held level) in 4 of", "Ashford"], []),
    ("which districts saw crime hold steady in 2012/13", ["shows none where All crime held level"], []),
    # 'which wards have the most X': the hotspots, the borough understood; 'which ward' (one): the ward
    ("which wards have the most domestic abuse", ["Ward hotspots", "Park Wood"], []),
    # words of a broader figure's own examples ('lead off roofs' is metal theft): the figure, said so
    ("people stealing copper cable and lead off roofs - how many metal thefts were there in 2012/13?",
     ["Metal theft in Maidstone, 2012/13: 274", "counted within Metal theft"], []),
    ("copper cable theft 2012/13", None, ["counted within Metal theft"]),
    ("dwelling burglary 2012/13 up on the year before", ["438", "+7 (+1.6%)"], []),
    ("for the ward surgery - asb in fant?", ["Fant", "333"], []),
    ("hi all, prepping for scrutiny cttee next week - how many dwelling burglaries did we have in 2012-13 and is that "
     "up on the year before? ta", ["438", "+7"], []),
    ("sexual offences - where are we in the kent league for 2012/13", ["county rank for Sexual offences", "5 of 12"], []),
    ("what does KSI mean? keep seeing it in the road safety stuff", ["Killed or Seriously Injured"], []),
    ("asb in hastings? might matter for our team", None, ["Hastings"]),
    ("lowest unemployment ward back in july 2012?", ["Boughton Monchelsea", "0.9%"], []),
    # a glossary term asked alone; 'whats a PPO' is what it stands for, not its figure; a count of it is refused
    ("sorry, whats an IDVA?", ["Independent Domestic Violence Adviser"], []),
    ("idva = ?", ["Independent Domestic Violence Adviser"], []),
    ("sorry new to the partnership - whats a PPO?", ["Prolific Priority Offender"], []),
    ("how many marac referrals did we have", None, ["marac"]),
    ("number of pcsos in the borough", None, ["pcsos"]),
    # 'national' for a figure held for Great Britain only: that, said so; 'our' beside the places named
    ("how does our jobless rate compare with kent and nationally (nov 13)",
     ["Maidstone 1.8%", "Great Britain 2.9%", "Kent (KCC area) 2.4%", "the national figure it has is for Great Britain"],
     []),
    ("jobless rate nov 13 borough county and national", ["Maidstone 1.8%", "Kent (KCC area) 2.4%"], []),
    ("recorded crime month by month 2012/13", ["April 2012", "656", "March 2013"], []),
    ("how has monthly crime volume moved since march 2012", ["March 2012 to December 2013"], []),
    ("highest crime rate per 1000 in kent, apr-sep 13", ["Thanet", "44.32"], []),
    ("highest asb in kent", None, ["district"]),
    ("drug offences - where are we county wide for 2012/13", ["Drug offences in Maidstone", "county rank 10 of 12"], []),
    ("kent force spc control limits march 2013", ["Kent & Medway", "98,000"], []),
    ("county rank table, every category pls", ["14 improved"], []),
    ("hi all, for the cabinet report on thurs can someone confirm how many dwelling burglaries we had in 2012/13 and "
     "the rate per 1000 households? ta", ["Burglary - dwelling in Maidstone, 2012/13: 438"], []),
    # a percentage asked of a count: the rate the count is the top of
    ("what percentage of crimes got solved in june 2012", ["Resolution outcome rate", "43.6%", "278 outcomes of 637"],
     []),
    # a month picked out of a monthly series, from a starting month
    ("which month since april 2013 had the lowest outcome rate", ["April 2013", "29.7%", "of the 9 months"], []),
    ("highest month for crime since 2013/14", ["September 2013", "874"], []),
    # the first two quarters of a financial year are its first half
    ("maidstone crime first 2 quarters 2013/14 vs same period last yr", ["April to September 2013", "+602"], []),
    ("recorded crime q1 and q2 2013/14", ["April to September 2013", "4,643"], []),
    ("all the rank ups and downs please", ["14 improved"], []),
    ("sexual offenses trending which way", ["went down", "112"], []),
    ("which ward tops the drug offences table", ["High Street", "Highest volume of drug offences in Kent", "204"], []),
    # who the figures are for, said at the end, is left aside; a second subject is not
    ("violent crime priority summary for the commander", ["Violent Crime", "Left aside as context", "for the commander"], []),
    ("shoplifting for the domestic abuse forum", None, ["forum"]),
    ("hi - chairing the asb subgroup on weds, can you pull together our priority figures please",
     ["Anti-social Behaviour: owned by ASB Sub-Group", "4,326"], []),
    ("asb next week", None, ["next week"]),
    # a priority's figures for a year it was not set for; a figure asked of a priority
    ("dv priority figures 2012/13", ["Its figures in 2012/13", "1,788"], []),
    ("progress on the dv priority fy2012/13 - how many incidents?", ["Domestic abuse - incidents in Maidstone, 2012/13",
                                                                      "1,788"], []),
    ("priorities 2012/13", None, ["2014/15"]),
    # a year the data has only part of, or the month its in-year figures start from: those months, said so
    ("is violent crime rising in 2013/14", ["April to September 2013", "+315", "so far only"], []),
    ("has crime in maidstone gone up since april 2013?", ["April to September 2013", "+602", "in-year figures"], []),
    ("recorded crime apr to dec 2013 total", ["April to December 2013", "6,937"], []),
    ("asb since april 2013", None, ["April 2013"]),
    # who asks, in their own words, left aside; words for the question itself kept
    ("violence going up apr-sep 2013? district cdr wants to know", ["+315", "Left aside as context"], []),
    ("is violence going up this year? feels like it from the custody suite", ["+315", "custody suite"], []),
    ("assault admissions to hospital 2012/13 (public health)", ["59 admissions", "'public health'"], []),
    ("asb - fire service asking about deliberate fires", None, ["Anti-social behaviour / Deliberate fires"]),
    ("what place are we in kent for shoplifting", ["county rank for Shoplifting", "10 of 12"], []),
    ("are sexual offences down on the year before", ["went down", "-17 (-13.2%)"], []),
    ("peak month for recorded crime?", ["September 2013", "874"], []),
    ("percieved drug dealing problem 2011/12", ["4.2%"], []),
    ("whats the best way to cut da repeat victimisation", None, ["best way"]),
    # a priority by its number, or by a figure it holds; the measure said twice; a split into the figure's parts
    ("whats priority no 4", ["Reduce Re-offending"], []),
    ("which team deals with young drivers getting hurt", ["Road Safety Sub-Group"], []),
    ("da repeat victims 2012/13 - number not %", ["435 victims"], []),
    ("split of hospital assault admissions by gender", ["male 85%", "female 15%"], []),
    ("recorded crime by gender", None, ["by gender"]),
    # a change beside the county's, when the question says so
    ("how fast is maidstone's population expected to grow compared with the rest of kent",
     ["Maidstone 4.7%", "Kent (KCC area) 10.9%"], []),
    ("morning all - for the community safety board paper I need the number of domestic abuse incidents reported in "
     "Maidstone during 2012/13, thanks", ["1,788 incidents"], []),
    ("for the asb meeting i need the number of burglaries 2012/13", None, ["Anti-social behaviour"]),
    ("how many murders were there in maidstone", None, ["'murders'"]),
    ("how many car boot sales will be held in the park this summer", None, ["car boot"]),
    ("all crime 2013/14", ["2013/14 so far (April to December 2013)", "6,937"], []),
    # a subgroup named beside another subject: that subject's figure, the subgroup left aside and said so
    ("for the road safety subgroup, burglary figures", ["Burglary - dwelling", "438", "Road Safety Sub-Group"], []),
    ("the dv subgroup meets thurs, shoplifting figures", ["Shoplifting in Maidstone", "994"], []),
    # the priorities are the home district's; their figures for a year not over, or from a month
    ("priority 1 for thanet", None, ["Thanet", "violent crime thanet"]),
    ("violent crime priority figures 2013/14", ["April to September 2013", "+315", "High Street"], []),
    ("priority 1 since april 2013", ["from April 2013", "+315"], []),
    ("has violent crime gone up since april 2012", None, ["April 2012"]),
    ("things nicked from cars", ["Theft from a motor vehicle", "577"], []),
    ("neighbour nuisance", None, ["neighbour nuisance", "Anti-social behaviour"]),
    ("motorcycle crime", None, ["no count of crimes"]),
    ("e-scooter asb", None, ["scooter"]),
    ("which ward in the whole county has most road casualties", ["Brasted"], []),
    ("barming ward unemployment %", ["Barming", "0.7%"], []),
    ("golding homes here - unemployment rate in park wood ward, july 2012?", ["Park Wood", "7.0%"], []),
    ("yot colleague asking: first time entrants to the youth justice system in maidstone?", ["85 people"], []),
    # since a month: the monthly series from then, where there is one; a ward named by another name, said
    ("crime since july 2013", ["July 2013 to December 2013", "monthly series"], []),
    ("has crime gone up since october 2013", ["October 2013 to December 2013", "2,294", "+109"], []),
    ("has the outcome rate gone down since july 2013", ["July 2013 to December 2013", "32.3%"], []),
    ("violent crime since july 2013", None, ["July 2013"]),
    ("asb in the town centre", ["911", "Read 'town centre' as High Street ward"], []),
    # a kind of answer asked of a figure beside its priority's group: that answer, not the pack
    ("for the road safety group: maidstone's county rank for young drivers 17-24 ksi", ["=11 of 12"], []),
    ("chairing the substance misuse group tomorrow and someone will ask - how does our drug offence rate compare with "
     "the county?", ["Maidstone 2.66", "Kent (KCC area) 2.16"], []),
    ("hi, prepping the asb subgroup paper for thurs - how many asb incidents did we have in 2011/12?", ["5,382"], []),
    ("rank for deliberate fires across the 12 districts", ["3 of 12"], []),
    ("most deprived district in kent", ["Thanet", "rank among the 12 Kent districts"], []),
    ("worst month for outcome rate this year so far", ["April 2013", "of the 9 months"], []),
    ("number of cars actually stolen (the whole car) in the borough 2012/13?", ["Theft of a motor vehicle", "167"], []),
    ("how many pensioners (65 and over) were killed or seriously injured on the roads in 2011/12?", ["13 casualties"], []),
    # one month's change is on the same month a year before, never the month before it
    ("has crime gone up in may 2013", ["No:", "723 crimes in May 2013", "-35 on the period a year before"], []),
    ("has the outcome rate gone down in december 2013", ["No:", "+2.0 points"], []),
    ("is unemployment going down", ["1.8% in November 2013", "-0.7 points on July 2012"], []),
    # since a month the place has no figures for: said so, never an earlier period
    ("has crime gone up in thanet since january 2014", None, ["Thanet", "January 2014"]),
    ("has crime gone up since october 2013 in kent", None, ["Kent (KCC area)", "October 2013"]),
    ("crime since january 2014", None, ["January 2014", "2012-03 to 2013-12"]),
    ("crime since december 2013", ["December 2013: 693 crimes"], []),
    ("violent crime since april 2013", ["April to September 2013", "+315"], []),
    ("drug offences high street rank", ["1 = highest in Kent"], []),
    ("how much of the apr-sep 2013 crime rise came in q2", ["Q2 2013/14", "+481"], []),
    ("what should the partnership do about shoplifting", None, ["not opinions"]),
    ("should we spend more on patrols", None, ["shoplifting maidstone 2012/13"]),
    ("what's the crime rate", ["All crime in Maidstone", "53.2 per 1,000"], []),
    ("what's a PPO", ["Prolific Priority Offender"], []),
    ("i've just started at the council - what's the asb figure?", ["4,326", "Left aside as context"], []),
    ("asb, i just deal with juveniles", None, ["juveniles"]),
    ("how many repeat victims of domestic violence were there in 2012/13", ["435 victims"], []),
    # a sub-group named beside a place: the figure for the place, never the group's name read as the subject
    ("for the asb subgroup: asb in park wood", ["Park Wood, 2012/13: 342", "ASB Sub-Group"], []),
    ("substance misuse group asking about drug offences in high street", ["Drug offences in High Street", "204"], []),
    # how something moved since a year: the run of figures; whether it went up since a year of another kind
    ("how has maidstone's unemployment rate moved since 2010", ["2010 2.3%", "November 2013 1.8%"], []),
    ("has unemployment gone down since 2010", ["from 2.3% in 2010 to 1.8% in November 2013"], []),
    ("road casualties every year you've got please", ["2008 726", "2012/13 666"], []),
    ("who chairs our community safety partnership?", ["Cllr John Wilson"], []),
    ("what dates are the england world cup games this summer", ["Uruguay"], []),
    ("asb this summer", None, ["summer"]),
    ("what were the upper and lower control limits on the kent crime chart in march 2013", ["98,000", "96,000"], []),
    ("how wide was the band between the control limits for kent crime in february 2012", ["5,000"], []),
    ("hospital admissions for assault 2012/13 (jun-may)", ["59 admissions"], []),
    ("number of people who ended up in hospital after being attacked, maidstone 2012/13?", ["59 admissions"], []),
    ("how many people were attacked in 2012/13", None, ["attacked"]),
    ("is maidstone's bme population bigger or smaller than kent's?", ["Maidstone 6.7%", "Kent (KCC area) 7.6%"], []),
    ("what is an idva? keeps coming up in meetings", ["Independent Domestic Violence Adviser"], []),
    ("how have road deaths and serious injuries in maidstone changed over the 3 years", ["2012/13", "58"], []),
    ("ksi all ages county rnak", ["11 of 12"], []),
    # moves in the county table said in places; a claimed place checked; this year and last
    ("which categories did we drop places in the county 2012/13", ["8 declined", "Shoplifting"], []),
    ("did we go up a place for robbery", ["3 of 12", "improved from 4 of 12"], []),
    ("progress on substance misuse - are we still 10th in the county for drug offences?", ["10th is right"], []),
    ("robbery rank this year and last", ["3 of 12", "4 of 12"], []),
    # the county beside a list of places; 'next to' the county; 'v the kent districts'
    ("nov 2013 unemployment: maidstone, county and national", ["1.8%", "2.4%", "2.9%"], []),
    ("violence against the person 2012/13, maidstone's change next to the whole county", ["+1.7%", "+5.6%"], []),
    ("apr-sep 2013 crime rise, maidstone v the kent districts overall", ["+14.9%", "+12.2%"], []),
    ("has vap gone up 2012/13", ["Beside it", "+830", "+5.6%"], []),
    # the year so far, said as the financial year; the word 'count' inside a name, with a rate asked
    ("highest vap ward this financial year so far", ["High Street", "545"], []),
    ("claimant count rate nov 2013 maidstone", ["1.8%"], []),
    ("claimant count july 2012", ["2,430 people"], []),
    # a figure's own words in everyday form; who dealt with it says nothing about which
    ("what percentage of maidstone residents are from black and minority ethnic backgrounds?", ["6.7%"], []),
    ("is maidstone more or less ethnically mixed than kent as a whole", ["6.7%", "7.6%"], []),
    ("how many cars had stuff stolen out of them in 2012/13", ["Theft from a motor vehicle", "577"], []),
    ("how many accidental fires did the fire service deal with in 2012/13", ["187"], []),
    ("are fires being started on purpose less often than before", ["Deliberate fires", "went down"], []),
    ("drug offences - which wards stand out?", ["High Street", "204"], []),
    ("what's the longer term picture for burglaries of people's homes?", ["2010/11 400", "2012/13 438"], []),
    ("are the people admitted to hospital after assaults mostly men or women?", ["male 85%", "female 15%"], []),
    ("in 2010/11 how many dv victims had already been victims before?", ["440"], []),
    ("how many young people got into trouble with the law for the first time, and how many of them reoffended?",
     ["85 people", "15.6%"], []),
    ("are we really the worst district in kent for road casualties?", ["12 of 12"], []),
    # who asks, and why, said after the question
    ("which organisations are members of the smp? trying to work out who's who", ["Kent Police"], []),
    ("where in the borough is domestic abuse worst? thinking about where to put our outreach", ["Park Wood"], []),
    # priorities by number in words, or beside a figure; a figure the priority named does not hold; not a priority
    ("priority five", ["Road Safety"], []),
    ("the third priority", ["Substance Misuse"], []),
    ("priority 1 violent crime, what are the numbers", ["Violent Crime (Domestic Abuse"], []),
    ("priority 1 shoplifting", None, ["Shoplifting", "not among the figures of the priority named"]),
    ("is burglary a priority", ["is not among the figures", "priorities"], []),
    ("shoplifting t&f group: what does the assessment give us?", ["Shoplifting Task and Finish Group"], []),
    # 'other' is a name's word ('other burglary'), and two names asked together are both answered, or said missing
    ("other burglary 2012/13", ["Burglary - other", "639"], []),
    ("dwelling burglary and other burglary 2012/13", ["438", "639"], []),
    ("burglary and other crime", ["438", "No Other crime figure"], []),
    ("asb ranking vs the other kent districts", ["4 of 12"], []),
    # a place alone: everything the data holds for it, or that it holds nothing (never zeros, never Maidstone's)
    ("fant ward", ["Fant ward", "Anti-social behaviour: 333 incidents", "Hospital admissions of residents"], []),
    ("anything flagged for fant ward?", ["333 incidents"], []),
    ("what does the assessment say about thanet", ["Thanet", "44.32 per 1,000", "30.2%"], []),
    ("high street ward 2012/13", ["911 incidents", "Drug offences: 204"], []),
    ("allington ward", None, ["no figures for Allington ward"]),
    ("park wood ward 2008/09", None, ["no figures for Park Wood ward in April 2008 to March 2009"]),
    # the chart's lines said in everyday words; since a decade; a pattern over the years
    ("how wide was the gap between the spc lines in feb 2012?", ["5,000"], []),
    ("top red line on the statistical process control chart at march 2013", ["upper control limit", "98,000"], []),
    ("ksi trend since the 90s", ["1994 to 1998", "2012/13"], []),
    ("domestic abuse incidents each year, is there a pattern", ["2010/11", "2012/13"], []),
    # everyday words for a figure, a rank, an owner; asking, not asked
    ("what position is maidstone in for asb compared to the other councils", ["4 of 12"], []),
    ("sexual offences, what number are we in the county", ["Sexual offences", "of 12"], []),
    ("what's our county rank for people put in hospital by assaults", ["Assaults resulting in hospital admission"], []),
    ("which wards have the most pedestrians getting hit", ["High Street"], []),
    ("what was the clear-up rate in december 2012", ["Resolution outcome rate", "December 2012"], []),
    ("do residents think people dealing drugs on the street is a problem? 2012-13 survey", ["%"], []),
    ("how many people felt fly tipping was a problem where they live in 2011/12", ["Perception: fly tipping"], []),
    ("who do i speak to about antisocial behaviour, which sub group is it", ["ASB Sub-Group"], []),
    ("how many old asb powers is the new bill getting rid of", ["19"], []),
    ("sorry probably a daft question but what's an idva", ["Independent Domestic Violence Adviser"], []),
    ("who chairs the smp meetings? keep hearing the name but can't remember", ["Cllr John Wilson"], []),
    ("i'm a project worker in fant - how many asb incidents were recorded in fant ward in 2012/13?", ["333"], []),
    ("how much is the nightlife in maidstone worth a year?", ["75 million"], []),
    ("what share of everyone killed or seriously hurt on kent roads were people walking", ["Pedestrians"], []),
    # a rank's field named as a place: the rank, not the field's own figure
    ("how deprived is maidstone compared to the rest of england - national rank in 2010?", ["217"], []),
    # two subjects joined by 'and': both, never their ratio or a longer name holding both; none held: each said
    ("domestic abuse incidents and repeat victims 2012/13", ["1,788", "435"], []),
    ("drug and alcohol hospital admissions", ["235 admissions"], []),
    ("robbery and burglary in kent", None, ["Robbery", "Burglary - dwelling"]),
    # 'burglary' alone: dwelling, said so, the other part offered
    ("how many burglaries were there in 2012/13", ["438", "Read as Burglary - dwelling", "burglary - other"], []),
    # a place's mentions are not figures; a direction is a word; the months inside a year asked
    ("park wood ward", ["3 figures and 4 mentions without a figure"], []),
    ("bearsted", ["The least deprived areas of Maidstone"], []),
    ("sevenoaks", ["All crime: rose or did not fall"], []),
    ("park wood 2013", ["November 2013", "4.0%"], []),
    # a change beside the rank of the change, not the level's rank
    ("crime rise maidstone v the kent districts apr-sep 2013", ["rank of the increase 5 of 12"], []),
    ("vap 2012/13 maidstone change next to kent", ["for the level, not the change"], []),
    # a forecast asked as 'what will'; a figure that is one of a priority's
    ("what will unemployment be in 2015", None, ["future"]),
    ("is criminal damage a priority", ["not a priority of its own", "Anti-social Behaviour"], []),
    # more everyday words
    ("what wards are flagged for asb", ["High Street 911"], []),
    ("how does maidstone rank for metal being stolen", ["Metal theft", "3 of 12"], []),
    ("unemployment maidstone vs kent vs the whole country, nov 2013", ["1.8%", "2.4%", "2.9%"], []),
    ("are assaults that put people in hospital going down", ["went down", "59"], []),
    ("who is dealing with shoplifting - is there a group for it?", ["Shoplifting Task and Finish Group"], []),
    ("which organisations are part of the smp", ["Kent Police"], []),
    ("park wood - everything you have pls", ["342 incidents"], []),
    ("ksi all ages history - how far back does it go?", ["1994 to 1998"], []),
    ("gender split of assault admissions at maidstone hospital", ["male 85%", "female 15%"], []),
    ("how much did crime go up in kent (not medway) from april to sept 2013", ["+12.2%"], []),
    ("is crime going up again in 2013/14 so far (apr to sep)?", ["+14.9%"], []),
    ("how much deliberate damage to property was there in 2011/12", ["Criminal damage", "1,395"], []),
    ("of the young people who were new to the justice system, what % went on to reoffend?", ["15.6%"], []),
    ("break ins to sheds garages and businesses, not houses - what was the number for 2012-13", ["639"], []),
    # a rank's field, and several places' ranks side by side; a priority by 'no.'
    ("kent police national crime ranking 2012/13", ["Kent & Medway's national rank", "21"], []),
    ("imd national rank maidstone, swale and thanet 2010", ["Maidstone 217", "Swale 99", "Thanet 49"], []),
    ("priority no. 1", ["Violent Crime"], []),
    ("VC & DA priority: headline numbers for the sub-group", ["Violent Crime"], []),
    # what the text says of a group's work is the statement, not the group's pack
    ("what are the 7 resettlement pathways the reoffending group works on", ["Accommodation"], []),
    ("what is the partnership doing about road safety", ["Road Safety"], []),
    # the asker's doubt, and who said so, are not part of the question
    ("family work conflict outcomes in oct 2013 - not sure what that means but how many were there", ["15 outcomes"], []),
    ("is metal theft on the rise?? someone at the parish council says so", ["Metal theft", "+92"], []),
    ("is violent crime going up this year? heard it has", ["+315"], []),
    ("fant ward figures please - housing team", ["333 incidents"], []),
    # more everyday words
    ("how many push bikes were nicked between april 2012 and march 2013", ["117"], []),
    ("unemployment maidstone vs kent vs the country, nov 2013", ["2.9%"], []),
    ("is maidstone's monthly crime count in statistical control or are there odd months", ["September 2013"], []),
    ("DA wards - where are the highest volumes?", ["Park Wood"], []),
    ("was recorded crime in sep-13 a special cause signal?", ["874", "above the upper limit"], []),
    ("shoplifitng task & finish grp numbers", ["Shoplifting Task and Finish Group"], []),
    ("kcc area crime this year so far compared with last", ["+12.2%"], []),
    # a list of what one figure counts is that figure (with a note); one or two of them are a part it does not separate
    ("how many break ins were there at sheds, garages and business premises in 2011/12", ["Burglary - other", "681"], []),
    ("burglary of sheds and garages", None, ["sheds"]),
    # more everyday words and asking clauses
    ("how many times were people caught stealing from shops in 2010/11?", ["971"], []),
    ("people damaging property on purpose - how many of those crimes in 2012/13?", ["Criminal damage"], []),
    ("people pinching metal like copper cable and lead off roofs - how many cases in 2012/13?", ["274"], []),
    ("what are the resettlement pathways the reoffending group keeps mentioning", ["Accommodation"], []),
    ("which categories stayed at the same county position last year", ["9 unchanged"], []),
    ("which district has the most people complaining about speeding traffic", ["Thanet", "30.2%"], []),
    ("did crime rise in maidstone in the first six months of 2013/14", ["+602"], []),
    ("is crime across kent and medway inside its control limits at the moment", ["98,000"], []),
    ("rank improvements and declines across all crime types", ["14 improved"], []),
    ("DA incidents - 3 year picture", ["1,832", "1,788"], []),
    ("just elected - how does maidstone compare to the other kent districts for drug offences, what position are we in?",
     ["10 of 12"], []),
    ("how much money does maidstones night time economy bring in a year?", ["75 million"], []),
    ("e-scooter thefts", None, ["scooter"]),
    # what a question sets against what it asks: answered when the words set aside name another figure of the
    # same kind that the one asked does not hold, and said so
    ("number of cars actually stolen (not broken into) in the borough 2012-13",
     ["Theft of a motor vehicle", "167", "Not counted, as asked: 'not broken into' (Theft from a motor vehicle)"], []),
    ("how many cars were broken into, not stolen, 2012/13", ["Theft from a motor vehicle", "577"], []),
    ("break-ins not at houses 2012/13", ["Burglary - other", "639", "Burglary - dwelling"], []),
    ("burglary not dwelling 2012/13", ["Burglary - other", "639"], []),
    ("how many fires in 2011/12 were accidents rather than started deliberately", ["Accidental fires", "2011/12", "261"], []),
    ("how many fires weren't deliberate in 2012/13", ["Accidental fires", "187"], []),
    ("deliberate fires rather than accidental ones 2012/13", ["Deliberate fires", "2012/13"], []),
    ("theft that isnt shoplifting or bike theft - the 'other theft' number for 12/13", ["Other theft offences", "1,527"], []),
    ("how many robberies, not burglaries, in 2012/13", ["Robbery", "47"], []),
    ("all crime, not just violence 2012/13", ["All crime", "8,296"], []),
    ("crime not including shoplifting 2012/13", None, ["not"]),
    ("violent crime not domestic 2012/13", None, ["not"]),
    ("asb not in high street ward", None, ["not"]),
    ("burglary not reported 2012/13", None, ["not"]),
    ("burglary, we don't count garages", None, ["garages"]),
    ("break-ins at people's actual homes in 2012/13? homes i mean, not sheds or garages or shops",
     ["Burglary - dwelling", "438"], []),
    ("the number of repeat victims of domestic abuse in 2012/13, not the percentage", ["435", "not the percentage"], []),
    ("domestic abuse % repeat victims 2012/13, not the percentage", None, ["not"]),
    ("asb in park wood 2012/13, not fant", ["Park Wood", "342"], []),
    ("asb in maidstone not high street", None, ["not"]),
    ("how many push bikes got pinched in april 2012 to march 2013 (not the calendar year)", ["117"], []),
    ("shoplifting from supermarkets only, not all shops - 2012/13", None, ["supermarkets"]),
    ("drug offences in senacre, not the whole borough", None, ["Senacre"]),
    # the asker corrects a period or place they said: the correction is answered
    ("the shoplifting number for 2011/12 - no wait, sorry, 2012/13, the most recent year is the one i actually want",
     ["Shoplifting", "2012/13", "994"], []),
    ("asb in fant last year - sorry, not fant, i meant park wood. how many incidents was it?", ["Park Wood", "342"], []),
    ("shoplifting 2011/12 - no wait, 2010/11", ["2010/11", "971"], []),
    # sentences after the question about the asker or what someone said: left aside and shown; a sentence that
    # narrows what is asked is not
    ("which ward has the most anti-social behaviour? i'm guessing the town centre but i'm new so who knows",
     ["High Street", "911", "Left aside as context"], []),
    ("is shoplifting going up or down in maidstone? my manager reckons it's rising", ["994", "+81"], []),
    ("which wards are the hotspots for domestic abuse? i'm setting up outreach sessions and want to put them in the "
     "right places", ["Park Wood", "Shepway North"], []),
    ("asb 2012/13? just the weekend ones", None, ["weekend"]),
    # sentences before the question too: who asks, what happened, what someone said
    ("New PCSO here, my beat is mostly family housing. How many break-ins at people's homes did Maidstone have in "
     "12/13? My sergeant reckoned roughly 400.", ["Burglary - dwelling", "438", "Left aside as context"], []),
    ("new cllr, heard on local radio that violence in maidstone shot up in 2013. how much did violent crime go up "
     "between april and september 2013?", ["Violent crime", "+315"], []),
    ("I run a bike recycling scheme for teenagers and loads of them come to us after their bikes got nicked. how many "
     "bicycles were reported stolen in maidstone in 2012/13?", ["Theft of pedal cycle", "117"], []),
    ("new pcso on the park wood team. how many asb incidents did the whole borough have in 12/13?",
     ["Anti-social behaviour in Maidstone", "4,326"], []),
    ("new pcso on the park wood team. how many asb incidents in 12/13?", None, ["park wood"]),
    ("i'm new here. asb 2012/13? i'm new and want the weekend ones", None, ["weekend"]),
    ("ive heard about people stripping lead off church roofs and pinching copper cable - how many metal thefts were "
     "there in 2012/13?", ["Metal theft", "274"], []),
    ("analyst here - checking the league table for the SMP paper. where did maidstone improve or slip in its county "
     "position this year, full list please", ["14 improved"], []),
    ("i'm a bit loose on the jargon still - what's a PPO?", ["Prolific Priority Offender"], []),
    ("burglary maidstone - my patch is rural villages", None, ["rural"]),
    ("domestic abuse incidents over the three years please, new idva", ["1,832", "1,788"], []),
    ("asb 2012/13, new pcso in park wood", None, ["pcso"]),
    ("Project worker at an employment charity, new in post. How many people in Maidstone were claiming out-of-work "
     "benefits in February 2012?", ["8,620"], []),
    ("Newly elected councillor. What % of residents say vandalism or graffiti is a big problem in their area, going by "
     "the Kent survey?", ["Maidstone", "5.4%"], []),
    ("asb figures - our team patrols mote park", None, ["mote"]),
    ("how many reports of nuisance behaviour were there last year? i mean things like noisy neighbours, kids mucking "
     "about, people being intimidating in the street", ["Anti-social behaviour", "4,326"], []),
    ("which organisations are part of the smp? e.g. is the prison or the fire service involved", ["Maidstone Prison"], []),
    ("theft and handling stolen goods (so thefts plus people buying knocked off gear) for 2012/13?",
     ["Theft & handling stolen goods", "2012/13"], []),
    ("asb 2012/13? i'm looking at schools", None, ["schools"]),
    ("asb 2012/13? i think i need the ones in schools", None, ["schools"]),
    # examples of the subject are read as examples and said so; examples that narrow who or when are not
    ("how many antisocial behaviour incidents were there in 2011/12? rowdy groups, people being abusive in the "
     "street, that type of thing", ["Anti-social behaviour", "5,382", "as examples of Anti-social behaviour"], []),
    ("fires people started on purpose (wheelie bins, skips, burnt out cars) - how many were there in 2011/12?",
     ["Deliberate fires", "178"], []),
    ("what proportion of crimes got a result - charged, cautioned etc, the 'outcome rate' i think - in september 2013",
     ["Resolution outcome rate", "31.7%", "277", "874"], []),
    ("break ins at sheds, garages etc 2012/13", ["Burglary - other", "639"], []),
    ("asb, like at weekends", None, ["weekends"]),
    # several passes in one message: who asks, examples and what is set aside
    ("cllr here, newly elected so bear with me - accidental fires, the chip pan and dodgy wiring kind of thing, NOT "
     "the deliberate ones, what was the number in 2012/13?", ["Accidental fires", "187", "Left aside as context"], []),
    ("how many crimes got a result like a charge or caution in sept 2013?", ["Resolution outcomes", "277"], []),
    ("windows smashed, cars keyed, that sort of damage - how many crimes in 2010/11", ["Criminal damage", "1,574"], []),
    ("lead stripped off church roofs, copper cable taken... whats the figure for that kind of theft in 2012/13",
     ["Metal theft", "274"], []),
    ("thefts that arent from shops, cars or bikes, the 'other theft' number for 2012/13", ["Other theft offences", "1,527"],
     []),
    ("people pinching lead and copper cable - how many cases were there in 2012/13", ["Metal theft", "274"], []),
    ("which group is taking the lead on domestic abuse now?", ["Domestic Violence Forum"], []),
    ("is our drug offence rate above the county average?", ["2.66", "2.16"], []),
    ("is maidstone above or below the kent average for people thinking drunk or rowdy behaviour is a problem",
     ["8.4%", "9.6%"], []),
    ("just been elected for fant - what does the assessment flag about my ward?", ["Fant", "333"], []),
    ("im the housing officer covering park wood, what are the main issues there", ["Park Wood", "342"], []),
    ("roughly how many women in maidstone are thought to suffer domestic abuse each year, reported or not?", ["3,192"], []),
    ("national % of women 16-59 who were victims of domestic abuse, 2010/11", ["7%"], []),
    ("violent crime total 2012/13 for the vc & da subgroup paper", ["Violent crime", "1,729"], []),
    ("how many people got beaten up in maidstone in 2012/13", None, ["beaten"]),
    ("which is the best ward to live in for a young family", None, ["best"]),
    ("total crime in maidstone 2012-13 - the count please, not crimes per 1,000", ["All crime", "8,296"], []),
    ("our county ranking for house burglaries - the ranking, not the count", ["Burglary - dwelling", "3 of 12"], []),
    ("number of domestic abuse incidents in 2011/12 - the year before last, not the latest one", ["2011/12", "1,867"], []),
    ("how much did crime fall across kent and medway in 2012/13 - the whole force area, not just maidstone",
     ["Kent & Medway"], []),
    ("violent crime in maidstone 2010/11 - the overall violent crime figure, not violence against the person",
     ["Violent crime", "2010/11"], []),
    ("how many residents think speeding cars are a problem? the survey %, 2012/13, not actual offences", ["26.9%"], []),
    ("burglary 2011/12 - sorry, i meant robbery, people being mugged. just the count", ["Robbery", "2011/12", "46"], []),
    ("thefts from cars 2012/13... actually scratch that, i want whole cars being stolen, not things taken out of them",
     ["Theft of a motor vehicle", "167"], []),
    ("domestic abuse against men in maidstone", None, ["Maidstone"]),
    # definitions the text gives
    ("how does the assessment define anti-social behaviour - what counts as asb?", ["harassment, alarm or distress"], []),
    ("what counts as domestic abuse under the government definition", ["controlling, coercive"], []),
    # which of two figures is wanted: the whole, as asked
    ("violent crime overall, rising or falling? not the VAP bit, the overall violent crime figure",
     ["Violent crime", "Answered for Violent crime, as asked"], []),
    ("are road casualties going up? all injuries, not just KSI", ["Road traffic collisions - all casualties", "666"], []),
    ("all crime not shoplifting", None, ["not"]),
    # 'explain' asks what something is; 'explain why' asks for causes
    ("can someone explain the resettlement pathways the reoffending group uses", ["7 resettlement pathways"], []),
    ("explain the rise in shoplifting", None, ["explain the rise"]),
    # an introduction naming the asker's place is the place 'my ward' asks about
    ("new pcso covering park wood - what does the assessment say about my ward?", ["Park Wood", "342"], []),
    ("i'm the new councillor for boxley, how many people were hurt on the roads in my ward?", ["Boxley", "100"], []),
    ("youth worker here - how many young people came into the criminal justice system for the first time in maidstone?",
     ["85"], []),
    # a trend never drops a year asked that the series does not reach
    ("road casualties in maidstone in 2003, for a long-term comparison?", None, ["2003"]),
    # who asks, by the roles and organisations of data/synonyms.csv, is left aside; a place in it is not
    ("pensioners, 65 and over, killed or seriously hurt on the roads - what was it in 2011/12? new age uk volunteer",
     ["aged 65 and over", "13"], []),
    ("metal theft county rank for 2012/13? new rural pcso trying to understand how we compare", ["Metal theft", "3 of 12"], []),
    ("hi all, new pcso on the maidstone team - how many shoplifting offences did we have in 2012/13?", ["994"], []),
    ("people being drunk or rowdy in public - how many residents see that as a big problem? 2012/13 please. new town "
     "centre manager", ["Maidstone", "8.4%"], []),
    ("new pcso on the park wood team. how many asb incidents in 12/13?", None, ["new pcso"]),
    # the asker's beat does not narrow an answer over every ward; it does narrow one figure
    ("drug offences by ward - where are they concentrated? new pcso on the town beat", ["High Street", "204"], []),
    ("new pcso here, my patch is rural villages. how many burglaries were there in 2012/13?", None, ["rural"]),
    # what the asker is doing, said after the question
    ("which ward in maidstone had the highest unemployment rate in november 2013? working on an employment project",
     ["High Street", "4.9%"], []),
    ("what is a PPO? saw it in a briefing note", ["Prolific Priority Offender"], []),
    ("how many burglaries in 2012/13? working on the weekend figures", None, ["weekend"]),
    # a place or category left out: of a list of places or categories, or when it is no part of what is asked
    ("high street aside, which ward gets the most asb?", ["Leaving out High Street", "Park Wood", "342"], []),
    ("apart from sevenoaks, which is the least deprived district in kent?", ["Tonbridge & Malling"], []),
    ("burglary aside - whats our county ranking for robberies in 2012/13", ["Robbery", "3 of 12", "'burglary'"], []),
    ("asb in maidstone except high street", None, ["apart from High Street"]),
    # a guess at the figure is checked, a round one to its nearest round number
    ("how many anti social behaviour incidents in maidstone in 2012/13? is it about 4,000?",
     ["about 4,000 is right, rounded", "4,326"], []),
    ("how many women are estimated to be victims of domestic abuse each year? something like 3,000?",
     ["about 3,000 is right, rounded", "3,192"], []),
    ("by how much did criminal damage drop in 2012/13? i think it was a bit under ten percent", ["under 10% is right",
                                                                                                "-8.5%"], []),
    ("asb 2012/13, is it about 5,000?", ["about 5,000 is not right", "4,326"], []),
    # everyday words for what the data names
    ("how many times did people nick stuff from shops in maidstone in 2011/12", ["Shoplifting", "913"], []),
    ("how many cautions did the police give out in october 2012", ["Outcomes - caution", "64"], []),
    ("which district's residents are most fed up with speeding traffic?", ["Thanet", "30.2%"], []),
    ("what figures does the asb sub-group keep an eye on?", ["ASB Sub-Group"], []),
    ("which councillor chairs the safer maidstone partnership?", ["Cllr John Wilson"], []),
    ("can i see the whole table of county rank changes from the report", ["14 improved"], []),
    ("how much did crime fall across kent and medway as a whole in 2012/13?", ["Kent & Medway", "-3.2%"], []),
    # a question that reports what people think still asks: never left aside for the sentence beside it
    ("how many people round here think speeding cars are a real problem? just the latest survey figure is fine",
     ["Perception: speeding vehicles", "26.9%"], []),
    ("fly tipping - how many people thought it was a problem round here in 2011/12?", ["fly tipping", "9.2%"], []),
    ("in the crime survey what % said graffiti was a fairly or very big problem in 2012/13?", ["vandalism, graffiti", "5.4%"],
     []),
    # the document or a table named as where the figure is
    ("the assesment has a population growth forecast for maidstone over the next 15 yrs - what is it?", ["4.7%"], []),
    ("how many crimes were recorded in maidstone in august 2013? the monthly figure from the outcomes table", ["804"], []),
    ("can you put high street, park wood and fant next to each other for asb in 2012/13?", ["Fant 333", "Park Wood 342"],
     []),
    # a narrower kind of robbery is counted within robbery, said so
    ("what's our county position for muggings and street robbery in 2012/13?", ["Robbery", "3 of 12", "within"], []),
    # a figure from another source set against what the police record; a police figure is not
    ("how many maidstone residents ended up in hospital after being assaulted in 2012/13? the hospital admissions, not "
     "the police crime figures", ["Assaults resulting in hospital admission", "59", "Not counted, as asked"], []),
    ("how many women in maidstone are estimated to suffer domestic abuse each year? the hidden number, not the incidents "
     "reported to police", ["3,192"], []),
    ("violence against the person 2012/13 not the police crime figures", None, ["not"]),
    # the car itself taken, set against things taken out of it
    ("Quick one from a newly elected councillor. How many cars were actually driven off / stolen in maidstone in 2012-13? "
     "Not things taken out of cars, the vehicles themselves", ["Theft of a motor vehicle", "167"], []),
    ("are car thefts dropping? whole vehicles taken, not things stolen out of them", ["Theft of a motor vehicle", "-42"], []),
    # a clause about the asker after the question, naming nothing narrower, is left aside; one that narrows is not
    ("what was the 'other theft' number for 2012-13? not sure what goes in that one", ["Other theft offences", "1,527"], []),
    ("what was the resolution outcome rate in march 2013? still getting my head round what an 'outcome' is",
     ["37.8%", "268 outcomes of 709 crimes"], []),
    ("new pcso. which wards are the anti-social behaviour hotspots? want to know where to focus my patrols",
     ["High Street 911"], []),
    ("shoplifting 2012/13, i mean the big stores", None, ["big stores"]),
    ("shoplifting 2012/13, want to know about supermarkets", None, ["supermarkets"]),
    ("asb 2012/13, not sure about weekends", None, ["weekends"]),
    # an anecdote naming the subject by its own words is left aside; one that narrows is not
    ("bikes keep being pinched from outside the college. how many bicycle thefts were there in maidstone in 2010/11?",
     ["Theft of pedal cycle", "141"], []),
    ("bikes keep being pinched at night. how many bicycle thefts were there in maidstone in 2010/11?", None, ["night"]),
    # a rank guessed is checked; which way a rank runs, asked beside it, is in the answer's note
    ("drug offences ranking in 2011/12 - was it 11th?", ["11th is right", "11 of 12"], []),
    ("where does maidstone sit among the 12 kent districts for shoplifting in 2012/13? and is 1st the best or the worst?",
     ["10 of 12", "1 = lowest rate (best)"], []),
    # everyday ways of asking: who asked the asker, comparisons said as faster or above, fly tipping described
    ("first week at the council and my manager wants the total number of crimes in the borough for april 2012 to march "
     "2013. what was it?", ["All crime", "8,296"], []),
    ("did road casualties rise faster in maidstone than across kent in 2012/13?", ["Maidstone +4.1%", "Kent (KCC area) +0.5%"],
     []),
    ("did road casualties rise in maidstone compared with across kent in 2012/13", ["Kent (KCC area) +0.5%"], []),
    ("is our drug offence rate above the county's? what is the county rate?", ["2.16"], []),
    ("people dumping rubbish illegally - what % of residents saw that as a big problem in 2012/13",
     ["fly tipping", "10.2%"], []),
    ("is anti-social behaviour going up or down in maidstone? a resident at my surgery insisted it's getting worse",
     ["went down", "4,326"], []),
    # 'claimants' alone could be either claimant figure, 'how many' or not; vans have no figure of their own
    ("how many claimants in maidstone", None, ["Unemployed people (claimant count)", "Out of work benefit claimants"]),
    ("how many vans were stolen in 2012/13", None, ["vans"]),
    # the asker's own patch, named by the question too, is no other place
    ("i'm the new pcso covering fant. how many asb incidents were there in fant ward in 2012/13?", ["Fant", "333"], []),
    ("i'm the new pcso covering fant. how many asb incidents were there in 2012/13?", None, ["covering"]),
    # a term asked about, then its figure: both answered
    ("sorry, what does ksi stand for? and how many were there in maidstone in 2012-13",
     ["Killed or Seriously Injured", "KSI casualties - all ages in Maidstone, 2012/13: 58"], []),
    ("what does ksi stand for? and how many were there in hastings", None, ["Hastings"]),
    # a guess said after a comma is left aside; a narrower ask is not
    ("month by month recorded crime from april to december 2013 pls, i think it peaked in september", ["6,937"], []),
    ("asb 2012/13, i think i need the weekend ones", None, ["weekend"]),
    ("how many drug crimes, possession or dealing, were there in maidstone in 2012/13?", ["Drug offences", "415"], []),
    # a sentence that only states something, asking for nothing and narrowing nothing, is left aside and said
    ("new jobcentre adviser. what was maidstone's unemployment rate in november 2013? it feels low compared with where i "
     "worked before", ["1.8%", "Left aside as context", "it feels low"], []),
    ("one of my tenants had her car nicked off the drive. how many cars were stolen in maidstone in 2012/13?",
     ["Theft of a motor vehicle", "167"], []),
    ("how many burglaries in 2012/13? i need the sheds and garages", None, []),
    ("how many thefts from shops in 2012/13? i mean the big stores", None, []),
    # a subject named in one sentence, pointed back at in the next ('is it', 'for that'), and said so
    ("farmers at the parish meeting were moaning about metal theft. is it actually on the rise in maidstone?",
     ["Metal theft", "274", "Read 'it' as 'Metal theft'"], []),
    ("someone at my surgery said theft and handling stolen goods went down last year. what was the figure for that in "
     "2012/13?", ["Theft & handling stolen goods", "2,638"], []),
    ("loose dogs chasing people in the parks - do we have numbers on that?", None, ["dogs"]),
    # a figure put to be checked after a dash or comma
    ("shoplifting county rank - 10th?", ["10th is right", "10 of 12"], []),
    ("asb 2012/13, 4,326?", ["4,326 is right"], []),
    ("sex offences 2012-13, i had 112 down from 129", ["112 is right", "129 is right (2011/12: 129)"], []),
    ("metal theft 2012/13, is it really up by half?", ["about 50% up is right, rounded"], []),
    # a sign-off is who signs, left aside and said; never a place
    ("Hello, has anti-social behaviour in maidstone gone down in 2012/13? Thanks, Mel", ["4,326", "Thanks, Mel"], []),
    ("asb 2012/13, cheers hastings", None, ["Hastings"]),
    # the asker's group beside the question is who asks, named as the group
    ("asb group again. % of residents saying teenagers hanging about is a big problem, 2012/13?",
     ["8.1%", "the ASB Sub-Group named"], []),
    ("vap wards for the financial year to sept 2013 - vc group", ["High Street 545"], []),
    ("i'm new to the road safety subgroup. people killed or seriously injured in maidstone over time, how has that "
     "changed over the years?", ["KSI casualties - all ages"], []),
    ("priority: substance misuse", ["Substance Misuse Sub-Group"], []),
    # a team the asker is on names no subject, unless it names a place
    ("things nicked from shops in maidstone 2012-13, im new on the retail crime team", ["Shoplifting", "994"], []),
    ("new pcso on the park wood team. how many asb incidents in 12/13?", None, ["park wood"]),
    # a ward's share of the home district's figure
    ("what share of all maidstone's drug offences happen in high street ward?", ["204", "49% of the borough's"], []),
    # one pair of letters swapped is that word, not a name two letters away
    ("rank chnages 12/13", ["county ranks 2012/13 against 2011/12"], []),
    # a clause that asks for something narrower or other is never left aside, whoever else it says is asking
    ("metal theft 2012/13 please. just the thefts from railway lines, i'm the new community rep for the train operator",
     None, ["railway"]),
    ("road casualties 2012/13 please. specifically on the m20, i'm with the motorway patrol team", None, []),
    ("criminal damage in 12/13? our main problem is actually dog fouling, do you have that instead?", None, ["dog fouling"]),
    ("asb in maidstone in 2012/13. though what i actually need is rough sleeping counts, i'm the new outreach worker",
     None, ["rough sleeping"]),
    # what happened to someone, or how it felt, is told of, not asked
    ("kfrs new starter here. got called to a bin fire someone had started on purpose behind a block of flats. are "
     "those going up or down in maidstone?", ["Deliberate fires", "went down"], []),
    ("just started as a street pastor coordinator. is violent crime in maidstone going up so far this financial year "
     "(april to september 2013)? saturday nights feel busier than ever.", ["Violent crime"], []),
    ("i help run a youth club and one of the lads had his bike pinched while he was inside with us. how many got "
     "nicked in maidstone in 2012/13?", ["Theft of pedal cycle", "117"], []),
    # a greeting, and a sign-off with a name and role over several lines
    ("Dear crimebot,\n\nWhich Maidstone ward had the highest unemployment rate in November 2013?\n\nRegards,\nPaul "
     "Whitfield (Partnership Manager, DWP)", ["High Street", "4.9%"], []),
    ("which ward is the best to live in", None, []),
    ("who owns the asb priority? just been asked to sit on it", ["ASB Sub-Group"], []),
    # 'come up most' asks which has the most, not which way a figure moved
    ("which wards come up most for domestic abuse?", ["Ward hotspots", "Park Wood"], []),
    # a misspelt word is corrected in the whole question, its period and cues kept
    ("da incidnets 2010/11 onwards", ["2010/11 1,832", "2012/13 1,788"], []),
    # a rank claimed 'in kent' or 'in the county' is Maidstone's place in the county table
    ("is it right we're 10th in kent for shoplifting", ["10th is right", "10 of 12"], []),
    ("tomv 2012/13 - ive got 167, down 42. right?", ["167 is right", "-42 is right"], []),
    # what the asker is arranging is left aside; a place in it is not
    ("we're planning extra weekend patrols. is violent crime going up in maidstone?", ["Violent crime", "+315"], []),
    ("we're planning patrols in hastings. is violent crime going up?", None, ["Hastings"]),
    ("leaving sevenoaks aside, which kent district is the least deprived?", ["Leaving out Sevenoaks", "Tonbridge & Malling"],
     []),
    ("how many people work in maidstone's night time economy?", ["1,500 jobs"], []),
    ("when do england play in the world cup? licensing team, planning for busy pub nights", ["June"], []),
    # the home district as the asker's patch narrows nothing; someone else wanting the figure is who asks
    ("hey, probation officer here, new to the maidstone patch. how many drug offences were recorded in 2011/12?",
     ["Drug offences", "422"], []),
    ("where did maidstone sit nationally on the index of multiple deprivation in 2010? my tutor wants the rank out of 326",
     ["217 of 326"], []),
    ("how many crimes ended with someone being charged in maidstone between april and december 2013? someone at our "
     "drop-in asked me and i had no idea", ["Outcomes - charge"], []),
    # who is asking, joined to the question by 'and'
    ("i'm a newly elected councillor and would like to see total crime in maidstone over the three years in the table.",
     ["2010/11 9,354", "2012/13 8,296"], []),
    # 'how many were there' points back at a subject told of before; a bare name before a dash is no such telling
    ("the table has a line called other theft offences - i guess thats thefts that arent from shops, cars or bikes? how "
     "many were there in maidstone in 2012/13", ["Other theft offences", "1,527"], []),
    ("domestic abuse against pensioners in maidstone - how many incidents in 2012/13?", None, ["pensioners"]),
    # a share asked of some people only ('just what parents said', 'not all residents') is not the residents' share
    ("teenagers hanging around perception figure for 2012/13? but just what parents said, not all residents", None,
     ["parents"]),
    ("new analyst here. what proportion of crimes got a resolution outcome in september 2013? not the whole year, just "
     "that month", ["31.7%", "277 outcomes of 874 crimes"], []),
    ("Hello, I'm a new PCSO and I'd like to know which wards have the worst anti-social behaviour. Thanks, PCSO Dean "
     "Radford", ["High Street 911"], []),
    # 'not X, just Y' restates what is asked; it is not a list set aside
    ("what was the outcome rate for burglary specifically in 2012/13? not all crime, just burglaries.", None, []),
    # a subject told of before with a word the data lacks ('cyber crime', 'theft of mobile phones') is refused by that
    # word when the question points back at it, never answered as the total
    ("I'm a new school governor. Cyber crime is the thing parents ask me about. Is it going up in Maidstone?", None,
     ["cyber"]),
    ("hate crime is our main concern. how many were there in 2012/13?", None, ["hate"]),
    ("New neighbourhood officer. Theft of mobile phones seems to be rising. How many were stolen in Maidstone in "
     "2012/13, and is it really up?", None, ["mobile phones"]),
    ("i keep hearing crime is rising again. is that right for maidstone for april to september 2013 compared with the "
     "same months in 2012?", ["+602"], []),
    ("got called to a bin fire someone had started on purpose. are those going up or down in maidstone?",
     ["Deliberate fires", "-102"], []),
    # a question after the one answered, about the same figure: answered when the answer shows what it asks
    ("New ASB caseworker. Maidstone's county rank for anti-social behaviour in 2012/13 - what is it? Is that good or "
     "bad among the districts?", ["4 of 12", "Also asked: 'is that good or bad among the districts'"], []),
    ("Charges in Maidstone in November 2013 - how many were there? Was that more than the same month a year before?",
     ["168", "+22", "Also asked"], []),
    ("sept 2013 crime volume - outside the spc limits or not?", ["874", "above the upper limit"], []),
    ("people killed on kent's roads in 1994 - how many was it then? and how many by 2011?", ["73", "43"], []),
    ("fires people started on purpose (wheelie bins, skips) - how many were there in 2011/12?", ["178"], []),
    # a period or place named in one sentence and pointed back at in the question ('then', 'there')
    ("april 2012 looks really low on the outcomes chart. what was the outcome rate then, and how many crimes was it "
     "out of?", ["25.9%", "170 outcomes of 656 crimes", "Read 'then' as 'April 2012'"], []),
    ("I'm a new community development worker based in Park Wood. What was the unemployment rate there in November "
     "2013?", ["4.0%", "Park Wood"], []),
    ("Youth worker, only started in January. teenagers hanging around as a big problem - how has that changed over "
     "the three years?", ["16.9%", "8.1%"], []),
    ("i'm a new housing officer and most of my patch is in park wood. what was the unemployment rate there in july "
     "2012? was it lower by nov 2013?", ["7.0%", "4.0%", "Against July 2012"], []),
    # a sentence that opens by narrowing is never left aside, unless it restates the subject in its own words
    ("unemployment rate november 2013 please. just graduates, i work in a careers service", None, ["graduates"]),
    ("killed or seriously injured 2012/13 - just horse riders. i help run a riding stables", None, ["horse"]),
    ("Shoplifting in 2012/13 - what was the figure? But just from supermarkets, I'm the new security lead for one.",
     None, ["supermarkets"]),
    ("how many times were peoples homes broken into in maidstone in 2012-13? just houses and flats, not sheds or shops",
     ["438"], []),
    ("Just elected as a borough councillor. How many cars were stolen in Maidstone in 2012/13?", ["167"], []),
    ("dv priority figures for 2012/13 please - new idva, my manager wants me up to speed", ["Domestic Abuse Sub-Group"],
     []),
    # figures quoted after a question mark are checked; a share the headline gives is one of the answer's figures
    ("where do we rank for shoplifting? 10th?", ["10th is right"], []),
    ("what share of all asb did the top 3 wards make up? 36%?", ["36% is right"], []),
    ("what share of all asb did the top 3 wards make up? 40%?", ["40% is not right"], []),
    ("high st drug offences - 49% of the borough total?", ["49% is right"], []),
    # a sign-off with the role on a line of its own
    ("Hello,\n\nI'm a new research officer at the council. What is Maidstone's national rank on the Index of Multiple "
     "Deprivation in 2010? I need it for a funding application.\n\nBest,\nOliver Quinn\nResearch Officer", ["217"], []),
    # a period pointed back at that the data lacks is refused by it, never a crash
    ("Road casualties in 2018 - I'm a new road safety officer and want the latest. How many were there then?", None,
     ["2018"]),
    ("i've been told the latest outcome figures run april to december 2013. what was the outcome rate over that "
     "stretch, and how many outcomes was it based on?", ["32.4%", "2,248 outcomes of 6,937 crimes"], []),
    ("new researcher in the commissioner's office. april 2012 looks really low on the outcome rate chart. what was "
     "the rate then, and how many crimes and outcomes was that?", ["25.9%", "170 outcomes of 656 crimes"], []),
    ("how many people were on the claimant count in maidstone in july 2012? and was that more than the month before?",
     ["2,430", "against June 2012", "Also asked"], []),
    ("shoplifting county rank - 10th? and did it get worse than the year before?", ["10th is right", "declined"], []),
    ("re-offending - how did maidstone's actual rate compare with the predicted rate in 2012/13? and what was it the "
     "year before that?", ["-5.22%", "8.03%"], []),
    ("all crime in the borough 2012/13 - what was it, and how big was the fall from the year before?", ["8,296", "-577"],
     []),
    ("substance misuse sg - drug offences 2012/13 and how much they changed?", ["415", "-7"], []),
    ("is the outcome rate getting worse? apr-dec 13 against the same months of 12", ["32.4%", "-5.2 points"], []),
    # the subject and period told in one sentence, asked after with 'how many were there?'
    ("I'm a new probation officer and I'm looking at charges in november 2013. How many were there? Was that more "
     "than the same month a year before?", ["168", "+22", "Also asked"], []),
    ("New trustee at the DV forum. Where does Maidstone sit among the Kent districts for domestic abuse, and where was "
     "it before that?", ["5 of 12", "2011/12"], []),
    ("My sister works in Hastings and asked me this. What was asb like there in 2012/13?", None, ["Hastings"]),
    ("I'm new on the transport team. ASB on buses is my remit - how much of it was there in 2012/13?", None, ["buses"]),
    ("people getting mugged in the street - how many times did that happen in maidstone in 2012/13?", ["47"], []),
    ("how many catalytic converters were stolen in maidstone in 2012/13", None,
     ["catalytic converters", "Theft from a motor vehicle"]),
    ("deprivation rank for maidstone - the 2019 index please, not the old one", None, ["2019"]),
    ("accidental fires, where are we compared to the rest of kent", ["10 of 12"], []),
    ("BME population maidstone vs kent? new community development officer, just want the basic picture",
     ["6.7%", "7.6%"], []),
    ("hi all, new ward member here (only elected a few weeks ago). what's maidstone's county rank for all crime in "
     "2012/13?", ["5 of 12"], []),
    # a story told of the subject ('... is a constant complaint'), and 'stolen' pointing back at the word it was said of
    ("I help run a bike maintenance club. Bikes going missing is a constant moan from the members. How many were "
     "stolen in 2012/13?", ["Theft of pedal cycle", "117"], []),
    ("started with the neighbourhood wardens last month. residents on my estate keep finding things taken from their "
     "cars. how many thefts from vehicles in 2011/12?", ["Theft from a motor vehicle", "530"], []),
    ("Drug crime is basically our remit. How many drug offences were there in 2012/13?", ["415"], []),
    # what is said to be so names a subject of its own, or narrows the one asked
    ("Puppy farming - pet shops, online ads - is a growing worry for us. What are the numbers for it in the borough?",
     None, ["puppy"]),
    # a period the data lacks is never left aside, nor a place pointed back at that it lacks
    ("shoplifting figures for maidstone please. for 2021, i'd guess it went down", None, ["2021"]),
    ("The A249 goes right through my ward. How many people were seriously injured on it in 2012/13?", None, ["a249"]),
    ("Cycle theft from the park and ride is what commuters tell us about. How many bikes were taken there in 2012/13?",
     None, ["park and ride"]),
    ("violent crime 2012/13 please. i mean gun crime really, the residents keep asking me", None, ["gun"]),
    # a figure to check said before a second question, or with 'i think'; the count a rank answer gives is checked
    ("robbery 12/13 - 47? and the rate per 1000?", ["Checked: 47 is right", "0.3"], []),
    ("shoplifting county rank 2012/13 - 994 and 10th?", ["994 is right", "10th is right"], []),
    ("where are we for house burglary in kent now? was 3rd i think", ["Checked: 3rd is right"], []),
    ("theft & handling rank 12/13, was it about 2,600?", ["about 2,600 is right, rounded"], []),
    # the subject asked, said to be what someone works on or worries about; a figure described on a chart
    ("shoplifting is what the traders on our parade complain about. how much was there in 2011/12?", ["913"], []),
    ("Sexual offences are my whole caseload. How many were there in 2012/13?", ["112"], []),
    ("shoplifting at weekends is what we worry about. how much shoplifting was there in 2012/13?", None, ["weekends"]),
    ("the outcome rate chart dips right down in april 2012. what was the rate that month?", ["25.9%"], []),
    # a figure stated first, then a question about it: both answered
    ("Robbery came to 47 in 2012/13. Did it go up?", ["Checked: 47 is right", "+1"], []),
    ("recorded crime hit 900 in september 2013, seemed a lot. was it above the control limits?",
     ["900 is not right", "874", "above the upper limit"], []),
    # a sentence of its own is never joined onto the one after it ('... charity. rough sleeping - how many ...?')
    ("Support worker at a night shelter. Rough sleeping - how many people were counted in Maidstone in 2012/13?",
     None, ["rough sleeping"]),
    # the period the question names, pointed at again ('in that time', 'the whole time'); a change that was not steady
    ("cautions april to december 2013 - how many were given in that time?", ["461"], []),
    ("shoplifting from 2010/11 onwards please. has it gone up the whole time?", ["No, not every year", "913"], []),
    # a figure to check from the asker's notes, the year before's figure said 'from', a bound said in words
    ("robbery 2012/13, i've got 47 in my notes - is that right?", ["Checked: 47 is right"], []),
    ("sex offences 2012/13 - i make it 112 down from 129", ["112 is right", "129 is right (2011/12"], []),
    ("asb in 2012/13 - was it really over a thousand?", ["over 1,000 is right"], []),
    # a place told with the subject, pointed back at: the place's figure, never the borough's
    ("coxheath keeps coming up for asb at our residents meetings. how much was there in 2012/13?", None, []),
    ("park wood keeps coming up for asb at our residents meetings. how much was there in 2012/13?",
     ["Park Wood", "342"], []),
    # a perception subject told as a nuisance, asked after with 'said it was a big problem'; narrower is refused
    ("graffiti and vandalism is a constant headache for our estate team. what share of residents said it was a big "
     "problem in 2012/13?", ["Perception: vandalism"], []),
    ("fly tipping at night is a nightmare round here. what % of residents said fly tipping was a big problem in 2012/13?",
     None, []),
    ("what share of working-age people claimed out of work benefits in maidstone in february 2012?", ["9%"], []),
    # what the assessment states is said of no place: the asker's own place beside it is who asks
    ("I run a cafe in the town centre and we're thinking about opening late for the football. When are England's "
     "World Cup games?", ["14 June"], []),
    ("I'm an A&E nurse. What were the shares of men and women among assault admissions?", ["85%", "15%"], []),
    # what the assessment holds for a place told in one sentence and pointed back at in the next
    ("I've just taken on Shepway North as my beat. What does the assessment say about it?", ["Shepway North"], []),
    # 'our priority' asked with the asker's group named beside it: that group's priority
    ("substance misuse sub group chair - can i have our priority figures for 2012/13?", ["Substance Misuse", "415"], []),
    # what the assessment states, asked of a year it says nothing for
    ("who chaired the safer maidstone partnership in 2019?", None, ["2019"]),
    # '11/12 onwards', 'leaving X out', 'the ward' pointing back at the ward told
    ("criminal damage 11/12 onwards", ["2011/12", "2012/13"], []),
    ("leaving thanet out of it, which kent district is most deprived?", ["Leaving out Thanet"], []),
    ("I volunteer at a food bank based in High Street ward. What was the ward's unemployment rate in November 2013?",
     ["High Street", "4.9%"], []),
    # ward figures are for their own period: another is refused, not answered with the one the data has
    ("asb hotspot wards for 2010/11", None, ["2012 to March 2013"]),
    ("which ward had the most asb in 2016/17", None, ["2016/17"]),
    # a place the count is not held for, compared by the share that is
    ("maidstone vs the county average for people on out of work benefits, feb 2012", ["10.8%",
                                                                                    "as % of residents aged 16-64"], []),
    # a place told before, pointed back at by what only a place has ('did it have')
    ("I'm a new pcso in fant ward. how many asb incidents did it have in 2012/13?", ["Fant", "333"], []),
    # the subject asked, named in what the asker wants to do
    ("I'm a new driving instructor and want to get involved with the young drivers work. which sub-group looks after "
     "that priority?", ["Road Safety Sub-Group"], []),
    # a priority told before, its owner asked after; a group's priority pointed back at
    ("I'm a new pcso and was told to link up with whoever owns the asb priority. who is that?", ["ASB Sub-Group"], []),
    ("i've joined the violent crime priority group. what are the headline figures for that priority?", ["1,729"], []),
    # figures quoted in more ways: millions, 'all year', 'wasnt it', 'did our rank slip to', 'sounds low'
    ("night time economy value? £75m a yr?", ["Checked: 75 is right"], []),
    ("night time economy value? £80m?", ["Checked: 80 is not right"], []),
    ("robbery 2012/13 - only 47 all year??", ["Checked: 47 is right"], []),
    ("drug offences 2011/12 county ranking, 11th out of 12 wasnt it?", ["Checked: 11th is right"], []),
    ("theft & handling 12/13 - did our rank slip to 9th?", ["Checked: 9th is right"], []),
    ("assault hospital admissions 2012/13? 59 sounds low to me", ["Checked: 59 is right"], []),
    # a question after a figure doubted is never left aside
    ("robbery 2012/13 - 47 seems very low, what was 2011/12?", None, ["47 seems very low"]),
    # talk about the subject, and being on the beat, are asides
    ("new rural pcso. farmers at the parish meeting were moaning about metal theft all evening. how many metal thefts "
     "were recorded in maidstone in 2012/13?", ["274"], []),
    ("what does the assessment say about park wood - just started on the beat there", ["Park Wood", "342"], []),
    ("can you give me the figures for the road safety priority? want to be prepared for my first meeting",
     ["Road Safety Sub-Group"], []),
    # what the asker wants, said first, is what is asked: never left aside
    ("anti-social behaviour in maidstone, 2012/13. noise complaints are what i need - new environmental health officer "
     "here.", None, ["noise complaints"]),
    ("asb in maidstone 2012/13? it's begging i'm trying to get a handle on.", None, ["begging"]),
    ("shoplifting 2012/13. it's shoplifting i'm trying to get a handle on.", ["994"], []),
    # 'business' naming another thing is not 'businesses' (burglary - other)
    ("how much crime was there in maidstone in 2012/13? i mean what it cost in pounds, for a business case.", None,
     ["cost"]),
    ("burglary at a business in 2012/13", None, ["businesses", "Burglary - other"]),
    # the same quarter a year before
    ("recorded crime july to september 2013 against the same quarter a year earlier", ["2,471", "+481"], []),
    # a rate asked with the counts it is of: the rate, with both
    ("The outcome rate for April to December 2013 - what was it? How many crimes and outcomes is that based on?",
     ["32.4%", "2,248 outcomes of 6,937 crimes"], []),
    ("outcome rate nov 2013 - how many crimes was it out of?", ["35.4%", "805 crimes"], []),
    # the asker's plans and time are asides; a fact asked has no narrower part
    ("Hi crimebot,\nI'm a new housing officer covering several estates and I'm planning my walkabouts for the next "
     "month. Which ward has the most anti-social behaviour?\nThanks,\nShona", ["High Street", "911"], []),
    ("Dear crimebot,\n\nPub licensee here, planning staffing for the summer. When are England's World Cup group matches? "
     "I want to know which nights will be busy.\n\nCheers,\nStuart\nLicensee", ["Costa Rica"], []),
    ("which kent district is the least deprived?", ["Sevenoaks", "national rank 276"], []),
    ("leaving thanet out of it, which kent district is most deprived?", ["Shepway", "of the other 11 districts"], []),
    # who leads a priority, said more ways
    ("asb priority - which sub-group leads it?", ["ASB Sub-Group"], []),
    ("who picks up young drivers being killed or injured? which group", ["Road Safety Sub-Group"], []),
    ("drug offence rate 12/13 vs county level - are we above?", ["2.66", "2.16"], []),
    # figures to check said more ways
    ("sex offences 2012-13 - my notes say 112, down from 129. can u confirm", ["112 is right", "129 is right (2011/12"], []),
    ("new asb caseworker here. roughly how many asb incidents did we get in 2012/13 - 4,300ish?",
     ["about 4,300 is right, rounded"], []),
    ("sept 2013 had 874 crimes - is that outside the spc limits or just normal variation?",
     ["874 is right", "above the upper limit"], []),
    # a story told first, before a question that stands on its own, is shown beside the answer
    ("Hello,\n\nI manage a charity shop and we've had a run of stock walking out the door. The volunteers are rattled. "
     "Is shoplifting going up in Maidstone?\n\nBest,\nSheila\nShop Manager", ["994", "+81"], []),
    # but a question of all crime may mean the crime told of
    ("we have had loads of fraud. how many crimes in 2012/13?", None, ["fraud"]),
    # a count asked with its share: the count, shown with its rate
    ("how many crimes were resolved in august 2013, and what % of crime was that?", ["245 outcomes of 804 crimes",
                                                                                   "30.5%"], []),
    # 'only about half': how small a guess is
    ("what % of dv incidents actually get reported? heard it's only about half", ["56%"], []),
    # a crime narrowed by a word the data lacks, told beside a question of all crime, is what may be meant
    ("new youth worker. how many crimes were there in maidstone in 2012/13? knife crime is what the parents keep asking "
     "me about.", None, ["knife crime"]),
    ("shoplifting 2012/13? cyber crime keeps coming up at our meetings", ["994"], []),
    # a subject the data lacks, pointed back at, is never read as another word of the sentence ('resident')
    ("new parish councillor. dog fouling is what every resident complains to me about. how bad is it in maidstone?",
     None, ["dog fouling"]),
    # what is asked, said first as what the asker deals with or reads, then pointed back at
    ("new idva, started monday. domestic abuse is what I deal with all day. how many incidents of it did the police "
     "record in the borough in 2012/13?", ["1,788"], []),
    ("new cllr on the crime and disorder committee. 2012/13 is the year I'm reading up on. which crime type rose the "
     "most by number then?", ["Metal theft", "+92"], []),
    ("new jobcentre work coach. november 2013 is the latest figure I've got. which ward had the highest unemployment "
     "then?", ["High Street", "4.9%"], []),
    # a question after the one answered, read inside a block of sentences, is still answered (not dropped)
    ("Road safety charity, new trustee. 1994 is the year our charity was founded. How many people were killed on "
     "Kent's roads then, and how many by 2011?", ["73", "43"], []),
    # the asker's group said between two parts of the question
    ("rtc casualties 12/13 - road safety sg. 666?", ["Checked: 666 is right"], []),
    ("drug offences 2012/13 - substance misuse sg. count and where we rank?", ["10 of 12", "415"], []),
    ("DA incidents 2012/13 for the dv forum - 1,788 right?", ["Checked: 1,788 is right"], []),
    ("violent crime/da sg: violent crime apr-sep 2013, how much up on last yr?", ["+315"], []),
    ("asb priority figures 12/13 for the sub-group mtg", ["ASB Sub-Group", "4,326"], []),
    # a period the data lacks is refused before a baseline is looked for; a place and a period both missing say so
    ("starting at the jobcentre next week. maidstone unemployment rate? january 2015 please, i need a baseline.", None,
     ["January 2015"]),
    ("road deaths in maidstone in 2019?", None, ["Maidstone", "2019"]),
    # 'unemployment benefit' is the claimant count, as a number or a rate
    ("how many people were claiming unemployment benefit in maidstone in july 2012?", ["2,430"], []),
    ("unemployment benefit rate july 2012", ["2.5%"], []),
    ("how many jobs", None, ["jobs"]),
    ("What % of domestic abuse do they reckon actually gets reported to police?", ["56%"], []),
    # a trend says its change from first to last
    ("what was maidstone's deprivation rank in 2004, 2007 and 2010? just want to see if it's moved much",
     ["-53 places", "nearer 1"], []),
]


@pytest.mark.parametrize("text, contains, names", CASES, ids=[c[0] for c in CASES])
def test_question_is_answered_or_refused_by_name(answerer, text, contains, names):
    from bot.render import render

    answer = answerer.ask(text)
    if contains is None:
        assert answer.error, f"answered instead of refusing: {answer.headline}"
        for word in names:
            assert word.lower() in answer.error["message"].lower(), answer.error["message"]
    else:
        assert answer.error is None, answer.error
        shown = render(answer, "text")
        for figure in contains:
            assert figure in shown, shown[:400]


def test_a_word_read_as_itself_is_no_correction(answerer):
    """'idva = ?' is the glossary's IDVA; the answer says nothing of reading 'idva' as 'idva'."""
    answer = answerer.ask("idva = ?")
    assert answer.error is None and not any(note.startswith("Read ") for note in answer.notes), answer.notes
    assert answerer.ask("shopliftng 2011-12").notes[0] == "Read 'shopliftng' as 'Shoplifting'."


@pytest.mark.parametrize("word", ["over", "highest", "least", "south", "park", "leeds"])
def test_ordinary_words_are_never_read_as_places(answerer, word):
    command = parse(f"burglary {word}", answerer.vocab)
    assert command.area is None or command.area != {"over": "dover", "highest": "high_street",
                                                    "least": "east", "county": "kent"}.get(word)
    assert not command.corrections


@pytest.mark.parametrize("text, area", [
    ("county rank for shoplifting", "Maidstone"),      # the county is the field of the rank, not the place
    ("what's our rank in the county for robbery", "Maidstone"),
    ("asb in kent", "Kent (KCC area)"),                # a place named is the place answered
    ("asb county average", "Kent (KCC area)"),
])
def test_the_county_is_a_place_only_when_it_is_the_place_asked_about(answerer, text, area):
    answer = answerer.ask(text)
    assert answer.error is None, answer.error
    assert answer.understood["area"] == area


def test_word_forms_meet_names():
    vocab = Vocabulary.from_rows([("indicator", "theft_from_vehicle", "Theft from a motor vehicle",
                                   "theft from vehicle", None),
                                  ("word", "vehicle", None, "cars", None)])
    for text in ("thefts from vehicles", "theft from cars", "Thefts from a vehicle"):
        assert parse(text, vocab).indicator == "theft_from_vehicle", text


def test_two_readings_are_asked_back_as_buttons(answerer):
    answer = answerer.ask("asb or criminal damage")
    labels = [c["label"] for c in answer.error["choices"]]
    assert labels == ["Anti-social behaviour", "Criminal damage"]
    message = error_message(answer)
    buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["value"] for b in buttons] == ["anti-social behaviour", "criminal damage"]
    assert not limit_problems(message)
    for button in buttons:  # each choice is a question that is answered
        assert answerer.ask(button["value"]).error is None


def test_cli_refuses_with_exit_1_and_the_choices_as_suggestions():
    run = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "asb or criminal damage", "--format", "json"],
                         capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert run.returncode == 1, run.stderr
    error = json.loads(run.stdout)["error"]
    assert error["suggestions"] == ["anti-social behaviour", "criminal damage"]


def test_the_vocabulary_is_kept_between_processes_and_rebuilt_when_anything_changes(tmp_path):
    """Built once and kept in the state directory; other rows, or a damaged file, build it again."""
    from bot.vocabulary import vocabulary

    rows = [("indicator", "shoplifting", "Shoplifting", "shop theft", None), ("area", "maidstone", "Maidstone", "",
                                                                              "district")]
    words = {"home": "Maidstone", "county": "Kent", "peers": "12"}
    first = vocabulary(rows, words, tmp_path)
    [kept] = list(tmp_path.glob("vocabulary-*.pickle"))
    again = vocabulary(rows, words, tmp_path)
    assert again.forms == first.forms and parse("shop theft maidstone", again).indicator == "shoplifting"
    other = vocabulary(rows + [("indicator", "robbery", "Robbery", "", None)], words, tmp_path)
    assert parse("robbery", other).indicator == "robbery"
    [newer] = list(tmp_path.glob("vocabulary-*.pickle"))  # the one for the old rows is gone
    assert newer != kept
    newer.write_bytes(b"not a pickle")
    assert parse("robbery", vocabulary(rows + [("indicator", "robbery", "Robbery", "", None)], words,
                                       tmp_path)).indicator == "robbery"


def test_the_start_up_rows_are_kept_per_database_build(tmp_path, data_copy):
    """`crimebot ask` reads the pack's small tables once per build of the data, not once per process: a change
    to data/ builds a new database, whose answerer reads the new rows (never the kept ones of the old build),
    and a damaged kept file is read again from the database."""
    state = tmp_path / "state"
    state.mkdir()
    settings = Settings.from_env({"CRIMEBOT_STATE_DIR": str(state), "CRIMEBOT_DATA_DIR": str(data_copy)})
    first = Answerer.open(settings)
    assert "Thanet" in first.ask("thanet all crime").headline
    [kept] = list(state.glob("startup-*.pickle"))
    first.close()
    areas = data_copy / "areas.csv"
    areas.write_text(areas.read_text().replace("thanet,Thanet,", "thanet,Isle of Thanet,"))
    renamed = Answerer.open(settings)
    assert "Isle of Thanet" in renamed.ask("thanet all crime").headline
    [newer] = list(state.glob("startup-*.pickle"))  # the old build's rows are gone
    assert newer != kept
    renamed.close()
    newer.write_bytes(b"not a pickle")
    again = Answerer.open(settings)
    assert "Isle of Thanet" in again.ask("thanet all crime").headline
    again.close()


def test_rules_passed_over_for_want_of_their_first_words_would_not_have_matched():
    """normalise skips a rule whose first words are not in the text; on every corpus question, and on the
    patterns' own edge cases, running every rule gives the same text."""
    from bot import words
    from tests.questions.corpus import load

    texts = [e["q"] for e in load()] + ["grown 3%", "so basically asb", "reckon it s up", "the 3 1 table",
                                        "a real trend or a blip", "is the rise a real trend or just a blip"]
    differ = [t for t in texts if words._rewrite(t) != words._rewrite(t, every_rule=True)]
    assert differ == []


@pytest.mark.parametrize("pattern, first", [
    (r"\b(?:grew|grown)\b", {"grew", "grown"}),
    (r"\bso basically\b|\bbasically\b", {"so", "basically"}),
    (r"\b(?:is (?:the|it) rise )?(?:a )?real trend", {"is", "a", "real"}),
    (r"(?<!you )\b(?:i )?reckon(?= it)", {"i", "reckon"}),
    (r"\bcars?\b", {"car"}),
    (r"\b(?:the )?(\d{1,2}) table", None),  # may begin with a digit
    (r"[^\w/ ]", None),
    (r"^\s*(?:please )?(?:name|list)\b", {"please", "name", "list"}),
    (r"\b(?:a|b)?x?", None),  # may match nothing at all
])
def test_the_first_words_of_a_rule(pattern, first):
    from bot.words import _first_words

    assert _first_words(pattern) == (None if first is None else frozenset(first))
